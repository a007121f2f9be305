using Helpdesk.Triage.Outbox;

namespace Helpdesk.Bot.Agents;

/// <summary>Feeds outbox events to the consoles connected to this host — the outbox's "console" destination.</summary>
internal sealed partial class ConsoleFeedDispatcher(IOutbox outbox, ConsoleFeed feed, TimeProvider time, ILogger<ConsoleFeedDispatcher> logger) : BackgroundService
{
    public const string Destination = "console";
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every event this host has fed to its consoles is at or below this id.
        var after = 0L;
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var (due, _) in await outbox.DueAsync(Destination, after, time.GetUtcNow(), 200, stoppingToken))
                {
                    after = Math.Max(after, due.Id);
                    feed.Publish(new CaseNotice(due.Reference, due.Kind));
                    await outbox.RecordAsync(new DeliveryAttempt(due.Id, Destination, true, null, time.GetUtcNow(), null), stoppingToken);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                LogUnavailable(logger, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Console feed: the outbox could not be read this time: {Problem}")]
    private static partial void LogUnavailable(ILogger logger, string problem);
}
