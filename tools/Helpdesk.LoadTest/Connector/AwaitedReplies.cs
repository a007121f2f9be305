namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// The bot's messages answering one activity a conversation posted, as they arrive at the Connector:
/// <see cref="First"/> completes with the first (the turn's latency), <see cref="Wanted"/> with the
/// first the turn waits for (the case reference; several replies may come for one message).
/// Registered before the POST, so a reply that beats the POST's own answer is not missed.
/// Disposing stops the waiting; replies that come later are still known to belong to this run.
/// </summary>
internal sealed class AwaitedReplies(Func<RecordedBotActivity, bool> wanted, Action<AwaitedReplies> stopWaiting) : IDisposable
{
    // Completed from Kestrel's request handler: the conversation must carry on elsewhere, not inline in that request.
    private readonly TaskCompletionSource<RecordedBotActivity> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RecordedBotActivity> _wanted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<RecordedBotActivity> _received = [];

    public Task<RecordedBotActivity> First => _first.Task;

    public Task<RecordedBotActivity> Wanted => _wanted.Task;

    /// <summary>Every message that answered the activity so far, in order of arrival.</summary>
    public IReadOnlyList<RecordedBotActivity> Received
    {
        get
        {
            lock (_gate) return [.. _received];
        }
    }

    public void Add(RecordedBotActivity reply)
    {
        lock (_gate) _received.Add(reply);
        _first.TrySetResult(reply);
        if (wanted(reply)) _wanted.TrySetResult(reply);
    }

    public void Dispose() => stopWaiting(this);
}
