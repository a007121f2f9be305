using System.Text.Json.Serialization;
using Helpdesk.LoadTest.Running;

namespace Helpdesk.LoadTest.Reporting;

/// <summary>
/// The figures of the measured conversations; the warm-up counts only through its failures, which
/// fail the run as well. Throughput counts completed turns and conversations over the wall time.
/// <see cref="Webhooks"/> is there when the built-in receiver ran; what it found counts too.
/// <see cref="Channel"/> says what the latencies measure (see <see cref="ConversationResult"/>): over
/// Direct Line there is a GET latency, over the Bot Connector an ack latency and the <see cref="Connector"/> tally.
/// </summary>
internal sealed record LoadReport(
    string Channel,
    string Url,
    int Conversations,
    int Concurrency,
    int PeakInFlight,
    int Warmup,
    double ThinkTimeMs,
    int Completed,
    int Failed,
    int Turns,
    double WallSeconds,
    double TurnsPerSecond,
    double ConversationsPerSecond,
    LatencySummary TurnLatencyMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LatencySummary? GetLatencyMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LatencySummary? AckLatencyMs,
    LatencySummary StartLatencyMs,
    int DistinctReferences,
    int DuplicateReferences,
    IReadOnlyList<ErrorCount> Errors,
    int WarmupFailed,
    IReadOnlyList<ErrorCount> WarmupErrors,
    IReadOnlyList<ConversationFailure> Failures,
    WebhookReport? Webhooks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConnectorReport? Connector)
{
    public const string DirectLineChannel = "directline";

    public const string ConnectorChannel = "connector";

    /// <summary>Every completed conversation filed a case of its own.</summary>
    public bool ReferencesDistinct => DistinctReferences == Completed;

    public bool Passed => Failed == 0 && WarmupFailed == 0 && ReferencesDistinct && Webhooks?.Passed != false && Connector?.Passed != false;

    /// <param name="connector">What the channel saw, in connector mode; null over Direct Line.</param>
    public static LoadReport Create(LoadTestSettings settings, PhaseResult warmup, PhaseResult measured, WebhookReport? webhooks, ConnectorReport? connector)
    {
        var conversations = measured.Conversations;
        var completed = conversations.Count(c => c.Completed);
        var turns = conversations.Sum(c => c.Turns);
        var seconds = measured.Wall.TotalSeconds;
        var failures = conversations.Select(c => c.Failure).OfType<ConversationFailure>().ToList();
        var warmupFailures = warmup.Conversations.Select(c => c.Failure).OfType<ConversationFailure>().ToList();
        var references = conversations.Where(c => c.Completed).Select(c => c.Reference).OfType<string>().ToList();
        var distinct = references.Distinct(StringComparer.Ordinal).Count();

        var directLine = connector is null;
        return new LoadReport(
            directLine ? DirectLineChannel : ConnectorChannel,
            settings.Url.ToString(),
            settings.Conversations,
            settings.Concurrency,
            measured.PeakInFlight,
            settings.Warmup,
            settings.ThinkTime.TotalMilliseconds,
            completed,
            failures.Count,
            turns,
            Math.Round(seconds, 3),
            seconds > 0 ? Math.Round(turns / seconds, 2) : 0,
            seconds > 0 ? Math.Round(completed / seconds, 2) : 0,
            LatencySummary.Of(conversations.SelectMany(c => c.TurnLatencies)),
            directLine ? LatencySummary.Of(conversations.SelectMany(c => c.GetLatencies)) : null,
            directLine ? null : LatencySummary.Of(conversations.SelectMany(c => c.AckLatencies)),
            LatencySummary.Of(conversations.Select(c => c.Start).OfType<TimeSpan>()),
            distinct,
            references.Count - distinct,
            CountByKind(failures),
            warmupFailures.Count,
            CountByKind(warmupFailures),
            failures,
            webhooks,
            connector);
    }

    private static List<ErrorCount> CountByKind(IEnumerable<ConversationFailure> failures) =>
        [.. failures
            .GroupBy(f => f.Kind, StringComparer.Ordinal)
            .Select(g => new ErrorCount(g.Key, g.Count(), ExampleOf(g.First())))
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Kind, StringComparer.Ordinal)];

    private static string ExampleOf(ConversationFailure failure) =>
        $"conversation {failure.Conversation}, turn {failure.Turn}: {failure.Detail}";
}
