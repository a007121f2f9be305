namespace Helpdesk.LoadTest.Webhooks;

/// <summary>
/// One accepted delivery: its <c>webhook-id</c>, the event type and case reference from the body,
/// when the host says the event happened and when it arrived here (the same machine's clock).
/// </summary>
internal sealed record ReceivedWebhook(string Id, string? Type, string? Reference, DateTimeOffset? OccurredAt, DateTimeOffset ReceivedAt);
