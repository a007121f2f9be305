namespace Helpdesk.Knowledge.Feedback;

/// <summary>Feedback counts per article, overall and per intent, as of one moment.</summary>
public sealed record FeedbackSnapshot(
    IReadOnlyDictionary<string, ArticleFeedback> ByArticle,
    IReadOnlyDictionary<(string ArticleId, string Intent), ArticleFeedback> ByArticleAndIntent)
{
    public static FeedbackSnapshot Empty { get; } = new(new Dictionary<string, ArticleFeedback>(), new Dictionary<(string, string), ArticleFeedback>());

    public static FeedbackSnapshot From(IEnumerable<ArticleEvent> events)
    {
        var byArticle = new Dictionary<string, ArticleFeedback>(StringComparer.Ordinal);
        var byIntent = new Dictionary<(string, string), ArticleFeedback>();
        foreach (var e in events)
        {
            byArticle[e.ArticleId] = byArticle.GetValueOrDefault(e.ArticleId, ArticleFeedback.None).With(e.Kind);
            if (e.Intent is { } intent)
            {
                byIntent[(e.ArticleId, intent)] = byIntent.GetValueOrDefault((e.ArticleId, intent), ArticleFeedback.None).With(e.Kind);
            }
        }

        return new FeedbackSnapshot(byArticle, byIntent);
    }
}
