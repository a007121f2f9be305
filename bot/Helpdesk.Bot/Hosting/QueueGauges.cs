using Helpdesk.Bot.Agents;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Storage;
using Helpdesk.Triage.Telemetry;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// Reads what the queue gauges report — cases waiting per queue, open cases whose SLA clock is at
/// risk or overdue — every <see cref="TelemetryOptions.GaugeRefresh"/>, and only while something
/// observes the gauges: a host that exports no metrics never runs these queries.
/// </summary>
internal sealed partial class QueueGauges(
    ITriageStore store,
    RoutingConfiguration routing,
    HelpdeskTelemetry telemetry,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<QueueGauges> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GaugeRefresh, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!telemetry.QueueGaugesObserved) continue;
            try
            {
                telemetry.PublishQueues(await ReadAsync(stoppingToken));
            }
            catch (System.Data.Common.DbException e)
            {
                LogFailed(logger, e.Message);
            }
        }
    }

    private async Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var waiting = await store.CountWaitingByQueueAsync(cancellationToken);
        var now = time.GetUtcNow();
        var clocks = (await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.Open, null, Limit: 10_000), cancellationToken))
            .Select(open => (Queue: open.Work.QueueId, Sla: CaseViews.SlaStatusOf(open, routing, now)))
            .ToList();
        var queues = routing.Queues.Select(queue => queue.Id).Union(waiting.Keys).Union(clocks.Select(clock => clock.Queue)).Distinct(StringComparer.Ordinal);
        return [.. queues.Select(queue => new QueueReading(
            queue,
            waiting.GetValueOrDefault(queue),
            clocks.Count(clock => clock.Queue == queue && clock.Sla == SlaStatus.AtRisk),
            clocks.Count(clock => clock.Queue == queue && clock.Sla == SlaStatus.Breached)))];
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Queue gauges not refreshed this time: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}
