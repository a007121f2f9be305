using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>Reports this host's connected agents every <see cref="AgentPresence.Heartbeat"/>, so they stay
/// online for every host while their consoles are open, and drop out soon after this host stops.</summary>
internal sealed partial class PresenceHeartbeat(AgentPresence presence, TimeProvider time, ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AgentPresence.Heartbeat, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await presence.ReportAsync(stoppingToken);
            }
            catch (System.Data.Common.DbException e)
            {
                LogFailed(logger, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Presence heartbeat skipped: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}
