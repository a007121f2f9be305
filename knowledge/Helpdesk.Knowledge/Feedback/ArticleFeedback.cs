namespace Helpdesk.Knowledge.Feedback;

/// <summary>Counts of what happened to an article's suggestions.</summary>
public sealed record ArticleFeedback(int Impressions, int Opens, int Helpful, int NotHelpful)
{
    public static ArticleFeedback None { get; } = new(0, 0, 0, 0);

    public ArticleFeedback With(ArticleEventKind kind, int count = 1) => kind switch
    {
        ArticleEventKind.Impression => this with { Impressions = Impressions + count },
        ArticleEventKind.Open => this with { Opens = Opens + count },
        ArticleEventKind.Helpful => this with { Helpful = Helpful + count },
        ArticleEventKind.NotHelpful => this with { NotHelpful = NotHelpful + count },
        _ => this,
    };
}
