using System.Text.Json.Serialization;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Cases;

/// <summary>A case as stored: who, where and when, its status, everything the dialog gathered, the
/// transcript up to the handoff, and its timeline.
/// Lists default to empty even when the JSON lacks them (the generated serializer would set null).</summary>
public sealed record StoredCase
{
    public required string Reference { get; init; }

    public required string ConversationId { get; init; }

    public required string UserId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Status, queue, owner, reassignments, SLA pauses: what agents change.</summary>
    public required CaseState Work { get; init; }

    /// <summary>The status as stored and shown ("queued", "waitingOnCustomer").</summary>
    [JsonIgnore]
    public string Status => CaseStatusNames.Of(Work.Status);

    public required CaseDraft Details { get; init; }

    /// <summary>Queue, priority with its reasons, SLA due times and the customer record at handoff.</summary>
    public HandoffPlan? Plan { get; init; }

    public required IReadOnlyList<TranscriptEntry> Transcript { get; init; }

    /// <summary>Every reason the supervisors have been alerted for, in order; empty while the case never needed them.</summary>
    public IReadOnlyList<string> Escalations { get; init => field = value ?? []; } = [];

    /// <summary>Every event of the case, oldest first; kept in its own table, so not part of the document.</summary>
    [JsonIgnore]
    public IReadOnlyList<CaseEvent> Timeline { get; init => field = value ?? []; } = [];
}
