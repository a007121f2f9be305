using Helpdesk.Triage.Cases;

namespace Helpdesk.Triage.Outbox;

/// <summary>What a webhook receives: the event type, when it happened, and the whole case
/// (problem, intent, facts, articles tried, signals, queue, priority with reasons, SLA due times, transcript).</summary>
public sealed record CasePayload(string Type, DateTimeOffset OccurredAt, StoredCase Case);
