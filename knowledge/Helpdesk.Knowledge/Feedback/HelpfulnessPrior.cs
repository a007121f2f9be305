namespace Helpdesk.Knowledge.Feedback;

/// <summary>
/// Turns votes into a ranking multiplier. The helpful share is smoothed with a Beta(2, 2) prior, so
/// an article with no votes scores 1.0 and a handful of votes moves it only a little; with many,
/// the multiplier approaches 0.7 (never helps) or 1.3 (always helps). Votes for the same intent
/// count; when there are none for it, the article's overall votes do.
/// </summary>
public static class HelpfulnessPrior
{
    private const double PriorVotes = 2;
    private const double Spread = 0.6;

    public static double Multiplier(FeedbackSnapshot? feedback, string articleId, string? intent)
    {
        if (feedback is null) return 1;
        var counts = intent is not null && feedback.ByArticleAndIntent.TryGetValue((articleId, intent), out var forIntent)
                                        && forIntent.Helpful + forIntent.NotHelpful > 0
            ? forIntent
            : feedback.ByArticle.GetValueOrDefault(articleId, ArticleFeedback.None);
        var helpfulShare = (counts.Helpful + PriorVotes) / (counts.Helpful + counts.NotHelpful + 2 * PriorVotes);
        return 1 + Spread * (helpfulShare - 0.5);
    }
}
