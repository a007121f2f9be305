namespace Helpdesk.Knowledge.Feedback;

/// <summary>Feedback counts per article, overall and per intent, as of one moment.</summary>
public sealed record FeedbackSnapshot(
    IReadOnlyDictionary<string, ArticleFeedback> ByArticle,
    IReadOnlyDictionary<(string ArticleId, string Intent), ArticleFeedback> ByArticleAndIntent)
{
    public static FeedbackSnapshot Empty { get; } = new(new Dictionary<string, ArticleFeedback>(), new Dictionary<(string, string), ArticleFeedback>());

    public static FeedbackSnapshot From(IEnumerable<ArticleEvent> events) =>
        FromCounts(events.Select(e => new FeedbackCount(e.ArticleId, e.Intent, e.Kind, 1)));

    /// <summary>Builds a snapshot from counts, as a store reads them (one row per article, intent and kind).</summary>
    public static FeedbackSnapshot FromCounts(IEnumerable<FeedbackCount> counts)
    {
        var byArticle = new Dictionary<string, ArticleFeedback>(StringComparer.Ordinal);
        var byIntent = new Dictionary<(string, string), ArticleFeedback>();
        foreach (var (articleId, intent, kind, count) in counts)
        {
            byArticle[articleId] = byArticle.GetValueOrDefault(articleId, ArticleFeedback.None).With(kind, count);
            if (intent is not null)
            {
                byIntent[(articleId, intent)] = byIntent.GetValueOrDefault((articleId, intent), ArticleFeedback.None).With(kind, count);
            }
        }

        return new FeedbackSnapshot(byArticle, byIntent);
    }
}
