using Helpdesk.Triage.Storage;

namespace Helpdesk.Bot.Conversation;

/// <summary>Marks conversations that went quiet while still open as abandoned, so analytics count
/// them honestly instead of as "still open" forever. A customer who comes back simply reopens them.</summary>
internal sealed partial class AbandonedConversations(ITriageStore store, TimeProvider time, ILogger<AbandonedConversations> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var marked = await store.MarkAbandonedAsync(time.GetUtcNow() - Quiet, stoppingToken);
                if (marked > 0) LogMarked(logger, marked);
            }
            catch (System.Data.Common.DbException e)
            {
                LogFailed(logger, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Marked {Count} quiet conversations as abandoned")]
    private static partial void LogMarked(ILogger logger, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not mark abandoned conversations this time: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}
