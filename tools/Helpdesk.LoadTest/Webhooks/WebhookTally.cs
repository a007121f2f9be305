namespace Helpdesk.LoadTest.Webhooks;

/// <summary>Every accepted delivery and the counts of the requests that were not accepted.</summary>
internal sealed record WebhookTally(IReadOnlyList<ReceivedWebhook> Accepted, int Requests, int Refused, int InvalidSignatures, int Unreadable);
