using Helpdesk.LoadTest.Webhooks;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.LoadTest.Reporting;

/// <summary>
/// What the built-in receiver got, checked against the case references the conversations were given
/// (warm-up included). Deliveries count accepted requests; a duplicate is an event id accepted more
/// than once. A case is lost when no <c>case.created</c> for its reference was accepted; an unexpected
/// reference is one in a webhook that no conversation was told. The delay of a case is from the
/// event's <c>occurredAt</c> (the host's clock) to its first accepted delivery (this machine's clock).
/// </summary>
internal sealed record WebhookReport(
    string Listen,
    int FailFirst,
    int Requests,
    int Refused,
    int InvalidSignatures,
    int Unreadable,
    int Deliveries,
    int DistinctEvents,
    int DuplicateDeliveries,
    IReadOnlyDictionary<string, int> EventsByType,
    int ExpectedCases,
    int CaseCreatedReferences,
    int ReferencesWithSeveralCaseCreated,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Unexpected,
    double WaitedSeconds,
    double? LastCaseToLastWebhookSeconds,
    LatencySummary DelayMs)
{
    /// <summary>Every case's creation arrived exactly once, signed, and nothing else claimed a case.</summary>
    public bool Passed =>
        Lost.Count == 0 && Unexpected.Count == 0 && DuplicateDeliveries == 0 && ReferencesWithSeveralCaseCreated == 0
        && InvalidSignatures == 0 && Unreadable == 0;

    public static WebhookReport Create(WebhookSettings settings, WebhookTally tally, IReadOnlySet<string> expected, TimeSpan waited)
    {
        var deliveries = tally.Accepted;
        var events = deliveries.DistinctBy(d => d.Id, StringComparer.Ordinal).ToList();
        var created = events.Where(e => e is { Type: OutboxEventKinds.CaseCreated, Reference: not null }).ToList();
        var createdByReference = created.GroupBy(e => e.Reference!, StringComparer.Ordinal).ToList();
        var withWebhook = createdByReference.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

        // The first delivery of each case's creation, which is when a receiver first knew of the case.
        var firstCreated = deliveries
            .Where(d => d is { Type: OutboxEventKinds.CaseCreated, Reference: not null })
            .GroupBy(d => d.Reference!, StringComparer.Ordinal)
            .Select(g => g.MinBy(d => d.ReceivedAt)!)
            .ToList();
        var delays = firstCreated.Where(d => d.OccurredAt is not null).Select(d => d.ReceivedAt - d.OccurredAt!.Value);
        var lastOccurred = created.Select(e => e.OccurredAt).Max();
        var lastReceived = firstCreated.Count == 0 ? (DateTimeOffset?)null : firstCreated.Max(d => d.ReceivedAt);

        return new WebhookReport(
            settings.Listen.ToString(),
            settings.FailFirst,
            tally.Requests,
            tally.Refused,
            tally.InvalidSignatures,
            tally.Unreadable,
            deliveries.Count,
            events.Count,
            deliveries.Count - events.Count,
            events.GroupBy(e => e.Type ?? "(none)", StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            expected.Count,
            createdByReference.Count,
            createdByReference.Count(g => g.Count() > 1),
            [.. expected.Where(r => !withWebhook.Contains(r)).Order(StringComparer.Ordinal)],
            [.. events.Select(e => e.Reference).OfType<string>().Where(r => !expected.Contains(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Math.Round(waited.TotalSeconds, 3),
            lastOccurred is { } occurred && lastReceived is { } received ? Math.Round((received - occurred).TotalSeconds, 3) : null,
            LatencySummary.Of(delays));
    }
}
