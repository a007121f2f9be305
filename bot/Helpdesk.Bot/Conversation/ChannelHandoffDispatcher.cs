using Helpdesk.Channels.BotConnector;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Handoff;
using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Storage;

namespace Helpdesk.Bot.Conversation;

/// <summary>
/// The outbox's "channel" destination: for each handoff, one <c>handoff.initiate</c> event into the
/// customer's conversation, for an engagement hub that follows the conversation (Web Chat shows nothing
/// for events). Our own Direct Line records it with the event's outbox id as the idempotency key, so a
/// delivery repeated after a crash records nothing new; a Bot Connector conversation gets it through
/// the Connector, where a crash between sending and recording can send it twice. Teams conversations
/// get none: Teams shows no events and has no hub behind it, and agents there have the handoff card.
/// A failure is retried on the outbox schedule.
/// </summary>
internal sealed partial class ChannelHandoffDispatcher(
    IOutbox outbox,
    ICaseStore cases,
    DirectLineServer directLine,
    ITriageStore conversations,
    ConnectorClient connector,
    TimeProvider time,
    ILogger<ChannelHandoffDispatcher> logger) : BackgroundService
{
    public const string Destination = "channel";
    private const int Batch = 50;

    // With the schedule's first delay, the last attempt falls about 13 minutes after the first.
    private const int MaxAttempts = 5;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    // A person joining a chat long after the customer asked helps nobody; this also keeps the first start
    // on a database that already holds cases from announcing every one of them.
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every event at or below this id has a delivery row for this destination, so retries are found through those.
        var after = OutboxPosition.Start;
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var (due, attempts) in await outbox.DueAsync(Destination, after, time.GetUtcNow(), Batch, stoppingToken))
                {
                    await DeliverAsync(due, attempts, stoppingToken);
                    after = OutboxPosition.Max(after, due.Position);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                LogOutboxUnavailable(logger, e.Message);
            }
        }
    }

    private async Task DeliverAsync(OutboxEvent due, int attempts, CancellationToken cancellationToken)
    {
        // Hosts sharing the database each see the event; the one that claims it sends it.
        if (!await outbox.ClaimAsync(due.Id, Destination, time.GetUtcNow(), time.GetUtcNow() + Lease, cancellationToken)) return;
        string? skipped = null, error = null;
        try
        {
            skipped = await AnnounceAsync(due, cancellationToken);
        }
        catch (System.Data.Common.DbException e)
        {
            error = e.Message;
        }
        catch (ConnectorException e)
        {
            error = e.Message;
        }

        var now = time.GetUtcNow();
        var next = error is null ? null : RetrySchedule.Next(attempts + 1, MaxAttempts, now, Random.Shared.NextDouble(), RetrySchedule.DefaultFirstDelay);
        await outbox.RecordAsync(new DeliveryAttempt(due.Id, Destination, error is null, error ?? skipped, now, next), cancellationToken);

        if (error is not null && next is null) LogDeadLettered(logger, due.Id, due.Reference, attempts + 1, error);
        else if (error is not null) LogRetrying(logger, due.Id, error, next!.Value);
    }

    /// <returns>Null when the event was sent (now or by an earlier attempt); otherwise why there was nothing to send.</returns>
    private async Task<string?> AnnounceAsync(OutboxEvent due, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - due.OccurredAt > FreshFor) return "too old to hand a live chat over";
        if (await cases.FindCaseAsync(due.Reference, cancellationToken) is not { } handedOff) return "the case no longer exists";

        // A joined case has moved to the conversation that joined it, so both occasions announce into the case's conversation.
        if (HandoffRecognizer.Recognize(due, handedOff) == HandoffOccasion.None) return "not a handoff";

        if (!await directLine.ExistsAsync(handedOff.ConversationId, cancellationToken)) return await AnnounceThroughConnectorAsync(handedOff, cancellationToken);
        var initiation = HandoffInitiation.Create(handedOff, await ConversationAsync(handedOff.ConversationId, cancellationToken), directLine.Bot);
        var recorded = await directLine.SendAsync(handedOff.ConversationId, initiation, "handoff.initiate:" + due.Id, cancellationToken);
        if (recorded is { WasDuplicate: false }) LogAnnounced(logger, due.Reference, handedOff.ConversationId, recorded.Activity.Id);
        return null;
    }

    private async Task<string?> AnnounceThroughConnectorAsync(StoredCase handedOff, CancellationToken cancellationToken)
    {
        if ((await conversations.LoadAsync(handedOff.ConversationId, cancellationToken))?.State.ReplyAddress is not { } address)
        {
            return "no channel reaches the conversation";
        }

        if (address.ChannelId == ChannelIds.Teams) return "Teams shows no handoff events";
        var bot = new ChannelAccount { Id = address.BotId, Name = address.BotName, Role = "bot" };
        var initiation = HandoffInitiation.Create(handedOff, CaseTranscript.Activities(handedOff, bot), bot);
        var sent = await connector.SendAsync(address.ServiceUrl, handedOff.ConversationId, initiation, cancellationToken);
        LogAnnounced(logger, handedOff.Reference, handedOff.ConversationId, sent.Id);
        return null;
    }

    /// <summary>Every activity recorded in the conversation so far, read page by page.</summary>
    private async Task<List<Activity>> ConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        long? watermark = null;
        while (await directLine.ReadAsync(conversationId, watermark, cancellationToken) is { Count: > 0 } page)
        {
            activities.AddRange(page.Select(logged => logged.Activity));
            watermark = page[^1].Sequence;
        }

        return activities;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Sent handoff.initiate for case {Reference} into conversation {ConversationId} as activity {ActivityId}")]
    private static partial void LogAnnounced(ILogger logger, string reference, string conversationId, string? activityId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Handoff event {EventId} could not reach the conversation: {Error}; next attempt at {Next:O}")]
    private static partial void LogRetrying(ILogger logger, long eventId, string error, DateTimeOffset next);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Handoff event {EventId} (case {Reference}) dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, long eventId, string reference, int attempts, string error);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Handoff events: the outbox could not be read this time: {Problem}")]
    private static partial void LogOutboxUnavailable(ILogger logger, string problem);
}
