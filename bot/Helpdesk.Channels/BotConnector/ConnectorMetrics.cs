using System.Diagnostics.Metrics;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// What the Bot Connector path tells operators, on the bot's meter: how many accepted activities wait
/// for their turn on this host, and how each turn's replies ended with the channel — so a channel
/// refusing replies shows before a customer says so.
/// </summary>
public sealed class ConnectorMetrics
{
    /// <summary>The meter every instrument of the bot is on (the host exports it by this name).</summary>
    public const string MeterName = "Helpdesk.Bot";

    private const string OutcomeTag = "helpdesk.connector.outcome";

    private readonly Counter<long> _replies;
    private Func<int> _waiting = () => 0;

    public ConnectorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName, typeof(ConnectorMetrics).Assembly.GetName().Version?.ToString());
        _replies = meter.CreateCounter<long>("helpdesk.connector.replies", "{turn}", "Turns through /api/messages by how their replies ended with the channel: sent, postponed (kept for a later try) or failed");
        meter.CreateObservableGauge("helpdesk.connector.waiting", () => _waiting(), "{activity}", "Activities accepted on /api/messages whose turn or replies are still to come on this host");
    }

    /// <summary>Where the gauge reads the number waiting.</summary>
    public void Observe(Func<int> waiting) => _waiting = waiting;

    public void Sent() => _replies.Add(1, new KeyValuePair<string, object?>(OutcomeTag, "sent"));

    public void Postponed() => _replies.Add(1, new KeyValuePair<string, object?>(OutcomeTag, "postponed"));

    public void Failed() => _replies.Add(1, new KeyValuePair<string, object?>(OutcomeTag, "failed"));
}
