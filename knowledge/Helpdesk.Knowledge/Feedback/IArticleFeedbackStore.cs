namespace Helpdesk.Knowledge.Feedback;

/// <summary>Where feedback events are kept; the bot implements it over its database.</summary>
public interface IArticleFeedbackStore
{
    Task RecordAsync(ArticleEvent articleEvent, CancellationToken cancellationToken);

    Task<FeedbackSnapshot> SnapshotAsync(CancellationToken cancellationToken);
}
