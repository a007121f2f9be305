using System.Collections.Concurrent;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// Which activities the conversations posted, and who is waiting for the bot's replies to them, by
/// conversation id and activity id. A reply is delivered to its waiter by its <c>replyToId</c>; one
/// that names no activity of this run is told apart, to be counted.
/// </summary>
internal sealed class ReplyRegistry
{
    private readonly ConcurrentDictionary<(string Conversation, string Activity), byte> _posted = new();
    private readonly ConcurrentDictionary<(string Conversation, string Activity), AwaitedReplies> _awaited = new();

    /// <summary>Starts waiting for the replies to an activity about to be posted; dispose the result to stop.</summary>
    public AwaitedReplies Expect(string conversationId, string activityId, Func<RecordedBotActivity, bool> wanted)
    {
        var key = (conversationId, activityId);
        _posted[key] = 0;
        var awaited = new AwaitedReplies(wanted, stopped => _awaited.TryRemove(new KeyValuePair<(string, string), AwaitedReplies>(key, stopped)));
        _awaited[key] = awaited;
        return awaited;
    }

    /// <summary>Hands a bot message to whoever waits for it; false when it answers no activity this run posted.</summary>
    public bool Deliver(RecordedBotActivity message)
    {
        if (message.ReplyToId is not { } replyToId) return false;
        var key = (message.ConversationId, replyToId);
        if (_awaited.TryGetValue(key, out var awaited)) awaited.Add(message);
        return _posted.ContainsKey(key);
    }
}
