using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Storage;

/// <summary>
/// Where conversations and cases live. One <see cref="CommitAsync"/> writes everything a turn
/// decided — the new state (if nobody else changed it meanwhile), the id of the activity it
/// answered, the new case and the customer's note — in one transaction, so a crash never leaves a
/// case without its conversation or a turn processed twice.
/// </summary>
public interface ITriageStore : ICaseStore
{
    Task<StoredConversation?> LoadAsync(string conversationId, CancellationToken cancellationToken);

    Task<bool> WasProcessedAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    Task<CommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken);

    /// <summary>The newest open case of this customer (same account, email or chat user) on this intent, to join instead of duplicating.</summary>
    Task<string?> FindOpenCaseAsync(string intent, string? accountId, string? email, string userId, CancellationToken cancellationToken);

    /// <summary>Every conversation's outcome, handoff reason and intent, for the metrics.</summary>
    Task<IReadOnlyList<Metrics.ConversationRecord>> ConversationRecordsAsync(CancellationToken cancellationToken);

    /// <summary>Cases waiting for a person, by queue.</summary>
    Task<IReadOnlyDictionary<string, int>> CountWaitingByQueueAsync(CancellationToken cancellationToken);

    /// <summary>Marks conversations still open and silent since <paramref name="inactiveSince"/> as abandoned; returns how many.</summary>
    Task<int> MarkAbandonedAsync(DateTimeOffset inactiveSince, CancellationToken cancellationToken);
}

/// <summary>A conversation's state and the version it was saved with.</summary>
public sealed record StoredConversation(string Id, long Version, TriageState State);

/// <summary>What one turn writes.</summary>
/// <param name="ExpectedVersion">The version the turn started from; 0 for a new conversation.</param>
/// <param name="ActivityId">The id of the activity answered, remembered so a re-delivery is ignored.</param>
/// <param name="JoinReference">The open case the handoff joins instead of creating <paramref name="NewCase"/>.</param>
public sealed record TurnCommit(
    string ConversationId,
    string UserId,
    long ExpectedVersion,
    TriageState State,
    DateTimeOffset At,
    string? ActivityId = null,
    CaseDraft? NewCase = null,
    string? CaseNote = null,
    HandoffPlan? Plan = null,
    string? JoinReference = null,
    CaseRating? Rating = null);

/// <summary>The customer's 1–5 rating of how their case was handled.</summary>
public sealed record CaseRating(string Reference, int Stars);

/// <summary>How a commit went and, when it created a case, its reference.</summary>
public sealed record CommitResult(CommitStatus Status, string? CaseReference = null, long Version = 0);

public enum CommitStatus
{
    Saved,

    /// <summary>Another turn saved this conversation first; reload and decide again.</summary>
    Conflict,

    /// <summary>This activity was already processed; nothing was written.</summary>
    Duplicate,
}
