namespace Helpdesk.Knowledge.Feedback;

/// <summary>A process-local feedback store for tools and tests; nothing survives a restart.</summary>
public sealed class InMemoryArticleFeedbackStore : IArticleFeedbackStore
{
    private readonly Lock _gate = new();
    private readonly List<ArticleEvent> _events = [];

    public Task RecordAsync(ArticleEvent articleEvent, CancellationToken cancellationToken)
    {
        lock (_gate) _events.Add(articleEvent);
        return Task.CompletedTask;
    }

    public Task<FeedbackSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(FeedbackSnapshot.From(_events));
    }
}
