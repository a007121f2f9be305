using Helpdesk.Triage.Outbox;

namespace Helpdesk.Bot.Agents;

/// <summary>
/// Feeds outbox events to the consoles connected to this host — every host reads the shared outbox
/// after its own cursor, so a console on any host sees every case change, whichever host made it.
/// Nothing is recorded: a console that connects later loads the lists anyway, so the feed starts
/// with what happens after this host started.
/// </summary>
internal sealed partial class ConsoleFeedDispatcher(IOutbox outbox, ConsoleFeed feed, TimeProvider time, ILogger<ConsoleFeedDispatcher> logger) : BackgroundService
{
    public const string Destination = "console";
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        OutboxPosition? after = null;
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                after ??= await outbox.LatestAsync(stoppingToken);
                foreach (var (due, _) in await outbox.DueAsync(Destination, after.Value, time.GetUtcNow(), 200, stoppingToken))
                {
                    after = OutboxPosition.Max(after.Value, due.Position);
                    feed.Publish(new CaseNotice(due.Reference, due.Kind));
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
