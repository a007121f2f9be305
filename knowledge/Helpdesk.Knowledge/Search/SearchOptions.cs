using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Search;

/// <summary>How one search is run. Defaults suit the bot: at most two confident suggestions.</summary>
public sealed record SearchOptions
{
    /// <summary>At most this many results.</summary>
    public int Top { get; init; } = 2;

    /// <summary>The intent the classifier predicted, if any: articles serving it rank higher.</summary>
    public string? Intent { get; init; }

    /// <summary>The classifier's confidence in <see cref="Intent"/>; the prior scales with it.</summary>
    public double IntentConfidence { get; init; } = 1.0;

    /// <summary>Who is reading: customers never see agent-only articles.</summary>
    public Audience Audience { get; init; } = Audience.Customers;

    /// <summary>Results below this confidence are not suggested; none left means "no good answer".</summary>
    public double MinimumConfidence { get; init; } = 0.4;

    /// <summary>A result scoring below this share of the best one is dropped, so a second suggestion
    /// appears only when it is nearly as likely as the first.</summary>
    public double RelativeCutoff { get; init; } = 0.45;

    /// <summary>Votes and opens so far; articles that resolve issues rise, ones that do not sink.</summary>
    public Feedback.FeedbackSnapshot? Feedback { get; init; }
}
