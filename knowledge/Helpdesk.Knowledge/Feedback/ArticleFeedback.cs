namespace Helpdesk.Knowledge.Feedback;

/// <summary>Counts of what happened to an article's suggestions.</summary>
public sealed record ArticleFeedback(int Impressions, int Opens, int Helpful, int NotHelpful)
{
    public static ArticleFeedback None { get; } = new(0, 0, 0, 0);

    public ArticleFeedback With(ArticleEventKind kind) => kind switch
    {
        ArticleEventKind.Impression => this with { Impressions = Impressions + 1 },
        ArticleEventKind.Open => this with { Opens = Opens + 1 },
        ArticleEventKind.Helpful => this with { Helpful = Helpful + 1 },
        ArticleEventKind.NotHelpful => this with { NotHelpful = NotHelpful + 1 },
        _ => this,
    };
}
