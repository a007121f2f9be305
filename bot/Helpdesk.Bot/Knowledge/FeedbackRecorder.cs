using Helpdesk.Knowledge.Feedback;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Records what customers do with articles. A vote lost to a briefly unavailable database
/// is logged, never turned into an error page: the customer already has their answer.</summary>
internal sealed partial class FeedbackRecorder(IArticleFeedbackStore store, TimeProvider time, ILogger<FeedbackRecorder> logger)
{
    public async Task RecordAsync(string articleId, ArticleEventKind kind, CancellationToken cancellationToken, string? intent = null)
    {
        try
        {
            await store.RecordAsync(new ArticleEvent(articleId, intent, kind, time.GetUtcNow()), cancellationToken);
        }
        catch (System.Data.Common.DbException e)
        {
            LogNotRecorded(logger, kind, articleId, e.Message);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Article feedback {Kind} for {ArticleId} was not recorded: {Problem}")]
    private static partial void LogNotRecorded(ILogger logger, ArticleEventKind kind, string articleId, string problem);
}
