using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Agents;

/// <summary>
/// Looks over the open cases every <see cref="ConsoleOptions.EscalationSweep"/> and escalates those
/// that now need the supervisors — an SLA clock at risk or overdue, a case bounced too often, critical
/// priority — each new reason once. The escalation reaches supervisors' consoles through the live
/// feed and external tools through the webhooks (<c>case.escalated</c>).
/// </summary>
internal sealed partial class EscalationSweep(ICaseStore cases, RoutingConfiguration routing, IOptions<ConsoleOptions> options, TimeProvider time, ILogger<EscalationSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EscalationSweep, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (System.Data.Common.DbException e)
            {
                LogFailed(logger, e.Message);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var open in await cases.ListCasesAsync(new CaseQuery(null, CaseListFilter.Open, null, Limit: 10_000), cancellationToken))
        {
            var reasons = CaseEscalation.NewReasons(open, routing, now);
            if (reasons.Count > 0 && await cases.EscalateAsync(open.Reference, reasons, now, cancellationToken))
            {
                LogEscalated(logger, open.Reference, reasons.Count);
            }
        }
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Case {Reference} escalated to the supervisors for {Count} new reasons")]
    private static partial void LogEscalated(ILogger logger, string reference, int count);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Escalation sweep skipped: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}
