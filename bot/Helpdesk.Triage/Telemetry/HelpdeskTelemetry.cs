using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Telemetry;

/// <summary>
/// The bot's own traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both
/// named <see cref="Name"/>, and every instrument on them. The host exports them with OpenTelemetry
/// when configured; with nobody listening each call here costs next to nothing. Tags carry ids and
/// bounded labels (channel, intent, queue, reason, level), never what a customer wrote or their
/// contact details.
/// </summary>
public sealed class HelpdeskTelemetry : IDisposable
{
    public const string Name = Channels.BotConnector.ConnectorMetrics.MeterName;

    private const string ConversationTag = "helpdesk.conversation.id";
    private const string ActivityTag = "helpdesk.activity.id";
    private const string ChannelTag = "helpdesk.channel";
    private const string KindTag = "helpdesk.turn.kind";
    private const string OutcomeTag = "helpdesk.turn.outcome";
    private const string StageTag = "helpdesk.turn.stage";
    private const string CaseTag = "helpdesk.case.reference";
    private const string IntentTag = "helpdesk.intent";
    private const string DecisionTag = "helpdesk.classification.decision";
    private const string ReasonTag = "helpdesk.handoff.reason";
    private const string QueueTag = "helpdesk.queue";
    private const string LevelTag = "helpdesk.priority.level";
    private const string SlaTag = "helpdesk.sla.status";
    private const string DestinationTag = "helpdesk.webhook.destination";
    private const string EventTag = "helpdesk.webhook.event";
    private const string DeliveryTag = "helpdesk.webhook.outcome";

    private readonly ActivitySource _source;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _confidence;
    private readonly Counter<long> _handoffs;
    private readonly Counter<long> _joined;
    private readonly Counter<long> _deliveries;
    private readonly ObservableGauge<int> _waiting;
    private readonly ObservableGauge<int> _slaAtRisk;
    private IReadOnlyList<QueueReading> _queues = [];

    public HelpdeskTelemetry(IMeterFactory meters)
    {
        var version = typeof(HelpdeskTelemetry).Assembly.GetName().Version?.ToString();
        _source = new ActivitySource(Name, version);
        var meter = meters.Create(Name, version);
        _turnDuration = meter.CreateHistogram("helpdesk.turn.duration", "ms", "How long the bot took over one turn, from the activity to the replies",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] });
        _confidence = meter.CreateHistogram("helpdesk.classifier.confidence", "1", "The classifier's confidence in the intent of a customer's problem, by what the dialog did with it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
        _handoffs = meter.CreateCounter<long>("helpdesk.handoffs", "{case}", "Handoffs that opened a case");
        _joined = meter.CreateCounter<long>("helpdesk.cases.joined", "{case}", "Handoffs that joined the customer's open case on the same issue instead of opening another");
        _deliveries = meter.CreateCounter<long>("helpdesk.webhook.deliveries", "{delivery}", "Webhook delivery attempts, by how they ended");
        _waiting = meter.CreateObservableGauge("helpdesk.queue.waiting", ObserveWaiting, "{case}", "Cases waiting for a person, per queue");
        _slaAtRisk = meter.CreateObservableGauge("helpdesk.cases.sla_at_risk", ObserveSlaAtRisk, "{case}", "Open cases whose SLA clock is at risk or overdue, per queue");
    }

    /// <summary>Whether anything observes the queue gauges; the numbers behind them are worth reading only then.</summary>
    public bool QueueGaugesObserved => _waiting.Enabled || _slaAtRisk.Enabled;

    /// <summary>Replaces what the queue gauges report: a scrape reads this snapshot, never the database.</summary>
    public void PublishQueues(IReadOnlyList<QueueReading> readings) => Volatile.Write(ref _queues, readings);

    /// <summary>A span for one turn of a conversation; null when nobody listens.</summary>
    public Activity? StartTurn(string conversationId, string? activityId, TurnInput input)
    {
        var span = _source.StartActivity("helpdesk.turn");
        if (span is null) return null;
        span.SetTag(ConversationTag, conversationId);
        span.SetTag(ActivityTag, activityId);
        span.SetTag(ChannelTag, input.ChannelId);
        span.SetTag(KindTag, Label(input.Kind));
        return span;
    }

    /// <summary>A child span of whatever runs now (a turn), for one step worth seeing on its own.</summary>
    public Activity? StartStep(string name) => _source.StartActivity(name);

    /// <summary>How the turn ended: duplicate, replied, silent, case_created or case_joined.</summary>
    public static void TurnEnded(Activity? turn, string outcome, TriageStage? stage = null)
    {
        turn?.SetTag(OutcomeTag, outcome);
        if (stage is { } reached) turn?.SetTag(StageTag, Label(reached));
    }

    /// <summary>Marks a span failed with the exception's type only: exception messages can quote data.</summary>
    public static void Failed(Activity? span, Exception exception)
    {
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span?.SetTag("error.type", exception.GetType().FullName);
    }

    public void TurnTaken(string channel, TimeSpan elapsed) =>
        _turnDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(ChannelTag, channel));

    public void Classified(Classification classification) =>
        _confidence.Record(classification.Confidence,
            new KeyValuePair<string, object?>(IntentTag, classification.Intent.Length > 0 ? classification.Intent : "none"),
            new KeyValuePair<string, object?>(DecisionTag, Label(classification.Decision)));

    public void HandedOff(Activity? turn, string reference, HandoffReason reason, HandoffPlan plan)
    {
        turn?.SetTag(CaseTag, reference);
        turn?.SetTag(ReasonTag, Label(reason));
        turn?.SetTag(QueueTag, plan.QueueId);
        turn?.SetTag(LevelTag, Label(plan.Priority.Level));
        _handoffs.Add(1,
            new KeyValuePair<string, object?>(ReasonTag, Label(reason)),
            new KeyValuePair<string, object?>(QueueTag, plan.QueueId),
            new KeyValuePair<string, object?>(LevelTag, Label(plan.Priority.Level)));
    }

    public void Joined(Activity? turn, string reference, HandoffReason reason)
    {
        turn?.SetTag(CaseTag, reference);
        turn?.SetTag(ReasonTag, Label(reason));
        _joined.Add(1, new KeyValuePair<string, object?>(ReasonTag, Label(reason)));
    }

    public void WebhookDelivery(string destination, string eventKind, DeliveryOutcome outcome) =>
        _deliveries.Add(1,
            new KeyValuePair<string, object?>(DestinationTag, destination),
            new KeyValuePair<string, object?>(EventTag, eventKind),
            new KeyValuePair<string, object?>(DeliveryTag, Label(outcome)));

    public void Dispose() => _source.Dispose();

    private IEnumerable<Measurement<int>> ObserveWaiting() =>
        Volatile.Read(ref _queues).Select(queue => new Measurement<int>(queue.Waiting, new KeyValuePair<string, object?>(QueueTag, queue.QueueId)));

    private IEnumerable<Measurement<int>> ObserveSlaAtRisk() =>
        Volatile.Read(ref _queues).SelectMany(queue => new[]
        {
            new Measurement<int>(queue.SlaAtRisk, new KeyValuePair<string, object?>(QueueTag, queue.QueueId), new KeyValuePair<string, object?>(SlaTag, Label(SlaStatus.AtRisk))),
            new Measurement<int>(queue.SlaBreached, new KeyValuePair<string, object?>(QueueTag, queue.QueueId), new KeyValuePair<string, object?>(SlaTag, Label(SlaStatus.Breached))),
        });

    // "NotUnderstood" -> "not_understood", "Critical" -> "critical": the usual shape of metric labels.
    private static string Label<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
