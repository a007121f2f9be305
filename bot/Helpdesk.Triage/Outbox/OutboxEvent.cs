namespace Helpdesk.Triage.Outbox;

/// <summary>Something that happened to a case and must reach the outside world (webhooks, consoles),
/// written in the same transaction as the case itself so neither exists without the other.</summary>
/// <param name="Payload">The event as JSON, exactly as it will be sent.</param>
/// <param name="Position">Where readers meet it (see <see cref="OutboxPosition"/>).</param>
public sealed record OutboxEvent(long Id, string Kind, string Reference, DateTimeOffset OccurredAt, string Payload, OutboxPosition Position);

/// <summary>The kinds of outbox events.</summary>
public static class OutboxEventKinds
{
    public const string CaseCreated = "case.created";

    public const string CaseUpdated = "case.updated";

    /// <summary>The case needs the supervisors: its escalation reasons changed.</summary>
    public const string CaseEscalated = "case.escalated";
}
