using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// The Direct Line record of each conversation: who it belongs to, and every activity in order.
/// Appending assigns the activity id (<c>{conversation}|{sequence}</c>), the timestamp and the
/// watermark position; the same keyed activity (a client's <c>clientActivityID</c>, or the bot side's
/// idempotency key) is recorded once.
/// </summary>
public interface IConversationLog
{
    /// <summary>Records a new conversation; false when it already exists.</summary>
    Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends activities in order. An activity whose client key was already recorded is
    /// not appended again; the recorded one is returned in its place.</summary>
    Task<IReadOnlyList<LoggedActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, string? clientKey, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="watermark"/> (all when null), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<LoggedActivity>> ReadAsync(string conversationId, long? watermark, int max, CancellationToken cancellationToken);
}

/// <summary>An activity as recorded, with its position; <paramref name="WasDuplicate"/> when a re-send was recognised.</summary>
public sealed record LoggedActivity(long Sequence, Activity Activity, bool WasDuplicate = false);
