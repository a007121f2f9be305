using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.Triage.Handoff;

/// <summary>Tells the outbox events that are handoffs from those that are agents' work on a case.</summary>
public static class HandoffRecognizer
{
    /// <param name="current">The case the event is about, with its timeline.</param>
    public static HandoffOccasion Recognize(OutboxEvent due, StoredCase current) => due.Kind switch
    {
        OutboxEventKinds.CaseCreated => HandoffOccasion.NewCase,
        // A join writes its timeline entry and its case.updated event in one transaction, at one instant.
        OutboxEventKinds.CaseUpdated when current.Timeline.Any(entry => entry.Kind == CaseEventKinds.HandedOffAgain && entry.At == due.OccurredAt)
            => HandoffOccasion.JoinedCase,
        _ => HandoffOccasion.None,
    };
}
