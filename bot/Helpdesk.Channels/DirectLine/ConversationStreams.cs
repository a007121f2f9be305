using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// The open WebSocket streams of this process, one per conversation as Direct Line allows: opening
/// a second closes the first with reason "collision". Newly recorded activities are pushed to the
/// conversation's stream, if it has one; a stream that has not caught up simply buffers. Activities
/// another host recorded arrive as a wake-up, and the stream reads them from the shared log.
/// </summary>
public sealed class ConversationStreams
{
    private readonly ConcurrentDictionary<string, StreamSubscriber> _open = new(StringComparer.Ordinal);

    public StreamSubscriber Open(string conversationId)
    {
        var stream = new StreamSubscriber(conversationId, this);
        _open.AddOrUpdate(conversationId, stream, (_, older) =>
        {
            older.Collide();
            return stream;
        });
        return stream;
    }

    public void Publish(string conversationId, IReadOnlyList<LoggedActivity> activities)
    {
        if (activities.Count > 0 && _open.TryGetValue(conversationId, out var stream)) stream.Push(activities);
    }

    /// <summary>Another host recorded activities in this conversation: its stream here, if any, reads them from the log.</summary>
    public void Wake(string conversationId)
    {
        if (_open.TryGetValue(conversationId, out var stream)) stream.Push(StreamSubscriber.ReadTheLog);
    }

    /// <summary>Notifications may have been missed (the listener reconnected): every stream here reads the log.</summary>
    public void WakeAll()
    {
        foreach (var stream in _open.Values) stream.Push(StreamSubscriber.ReadTheLog);
    }

    internal void Remove(StreamSubscriber stream) => _open.TryRemove(KeyValuePair.Create(stream.ConversationId, stream));
}

/// <summary>One open stream: the activities waiting to be sent, and whether a newer stream replaced it.</summary>
public sealed class StreamSubscriber : IDisposable
{
    /// <summary>Pushed instead of activities when they were recorded elsewhere: read the log after what was sent.</summary>
    public static readonly IReadOnlyList<LoggedActivity> ReadTheLog = [];

    private readonly Channel<IReadOnlyList<LoggedActivity>> _pending = Channel.CreateUnbounded<IReadOnlyList<LoggedActivity>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _collided = new();
    private readonly ConversationStreams _owner;

    internal StreamSubscriber(string conversationId, ConversationStreams owner)
    {
        ConversationId = conversationId;
        _owner = owner;
    }

    public string ConversationId { get; }

    public ChannelReader<IReadOnlyList<LoggedActivity>> Pending => _pending.Reader;

    /// <summary>Cancelled when another stream for the same conversation took over.</summary>
    public CancellationToken Collided => _collided.Token;

    internal void Push(IReadOnlyList<LoggedActivity> activities) => _pending.Writer.TryWrite(activities);

    internal void Collide() => _collided.Cancel();

    public void Dispose()
    {
        _owner.Remove(this);
        _pending.Writer.TryComplete();
        _collided.Dispose();
    }
}
