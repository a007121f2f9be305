namespace Helpdesk.Triage.Dialog;

/// <summary>Finds at most two articles likely to solve a problem, or none when nothing fits well.</summary>
public interface IArticleSuggester
{
    IReadOnlyList<ArticleSuggestion> Suggest(string problem, string? intent, double intentConfidence);
}

/// <summary>An article worth offering.</summary>
public sealed record ArticleSuggestion(string Id, string Title, string Summary);
