namespace Helpdesk.Triage.Outbox;

/// <summary>How one delivery of an event to one destination went.</summary>
/// <param name="NextAttemptAt">When to try again; null when delivered or given up (dead-lettered).</param>
public sealed record DeliveryAttempt(long EventId, string Destination, bool Delivered, string? Error, DateTimeOffset At, DateTimeOffset? NextAttemptAt);

/// <summary>An event a destination never accepted, kept for an admin to inspect and retry.</summary>
public sealed record DeadLetter(OutboxEvent Event, string Destination, int Attempts, DateTimeOffset DeadAt, string? LastError);
