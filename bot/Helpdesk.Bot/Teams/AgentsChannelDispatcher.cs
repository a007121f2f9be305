using Helpdesk.Channels.BotConnector;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Teams;

/// <summary>
/// The outbox's "teams" destination: each new case and each escalation is posted to the agents'
/// Teams channel as a <see cref="HandoffCard"/>, and when a case changes in a way its card shows
/// (claimed, resolved) that card is updated in place, so no "Claim" stays on a case someone has.
/// Once across hosts (each attempt is claimed first), retried on the outbox schedule when Teams
/// refuses or cannot be reached.
/// </summary>
internal sealed partial class AgentsChannelDispatcher(
    IOutbox outbox,
    ICaseStore cases,
    AgentsChannelCards cards,
    ConnectorClient connector,
    RoutingConfiguration routing,
    IOptions<AgentsChannelOptions> options,
    TimeProvider time,
    ILogger<AgentsChannelDispatcher> logger) : BackgroundService
{
    public const string Destination = "teams";
    private const int MaxAttempts = 6;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // The channel wants what is new: this also keeps the first start on a database that already holds
    // cases from posting every one of them.
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = options.Value;
        if (!channel.IsEnabled) return;

        // Every event at or before this position has a delivery row for this destination, so retries are found through those.
        var after = OutboxPosition.Start;
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var (due, attempts) in await outbox.DueAsync(Destination, after, time.GetUtcNow(), 50, stoppingToken))
                {
                    after = OutboxPosition.Max(after, due.Position);
                    if (!await outbox.ClaimAsync(due.Id, Destination, time.GetUtcNow(), time.GetUtcNow() + Lease, stoppingToken)) continue;
                    if (time.GetUtcNow() - due.OccurredAt > FreshFor)
                    {
                        await outbox.RecordAsync(new DeliveryAttempt(due.Id, Destination, true, "too old to post", time.GetUtcNow(), null), stoppingToken);
                        continue;
                    }

                    await DeliverAsync(channel, due, attempts, stoppingToken);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                LogOutboxUnavailable(logger, e.Message);
            }
        }
    }

    private async Task DeliverAsync(AgentsChannelOptions channel, OutboxEvent due, int attempts, CancellationToken cancellationToken)
    {
        string? error = null, nothingToDo = null;
        try
        {
            nothingToDo = due.Kind switch
            {
                OutboxEventKinds.CaseCreated or OutboxEventKinds.CaseEscalated => await PostAsync(channel, due.Reference, cancellationToken),
                OutboxEventKinds.CaseUpdated => await RefreshAsync(channel, due.Reference, cancellationToken),
                _ => "not a case event the channel shows",
            };
        }
        catch (ConnectorException e)
        {
            error = e.Message;
        }

        var now = time.GetUtcNow();
        var next = error is null ? null : RetrySchedule.Next(attempts + 1, MaxAttempts, now, Random.Shared.NextDouble(), RetrySchedule.DefaultFirstDelay);
        await outbox.RecordAsync(new DeliveryAttempt(due.Id, Destination, error is null, error ?? nothingToDo, now, next), cancellationToken);
        if (error is not null) LogNotPosted(logger, due.Reference, error);
    }

    /// <returns>Null once the card is posted; otherwise why there was nothing to post.</returns>
    private async Task<string?> PostAsync(AgentsChannelOptions channel, string reference, CancellationToken cancellationToken)
    {
        if (await cases.FindCaseAsync(reference, cancellationToken) is not { } handedOff) return "the case no longer exists";
        var posted = await connector.SendAsync(channel.ServiceUrl, channel.ConversationId, HandoffCard.For(handedOff, channel.ConsoleUrl, OwnerName(handedOff)), cancellationToken);
        if (posted.Id.Length > 0) await cards.RememberAsync(reference, posted.Id, HandoffCard.Shown(handedOff), cancellationToken);
        return null;
    }

    /// <returns>Null once the case's card shows the case as it stands; otherwise why nothing was sent.</returns>
    private async Task<string?> RefreshAsync(AgentsChannelOptions channel, string reference, CancellationToken cancellationToken)
    {
        if (await cards.FindAsync(reference, cancellationToken) is not { } card) return "no card in the channel";
        if (await cases.FindCaseAsync(reference, cancellationToken) is not { } handedOff) return "the case no longer exists";
        var shown = HandoffCard.Shown(handedOff);
        if (shown == card.Shown) return "the card is up to date";

        var updated = HandoffCard.For(handedOff, channel.ConsoleUrl, OwnerName(handedOff)) with
        {
            Id = card.ActivityId,
            Conversation = new Channels.Schema.ConversationAccount { Id = channel.ConversationId },
        };
        await connector.UpdateAsync(channel.ServiceUrl, channel.ConversationId, updated, cancellationToken);
        await cards.RememberAsync(reference, card.ActivityId, shown, cancellationToken);
        return null;
    }

    private string? OwnerName(StoredCase handedOff) =>
        handedOff.Work.Owner is { } owner ? routing.Agents.FirstOrDefault(agent => agent.Id == owner)?.Name ?? owner : null;

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Case {Reference} could not be posted to the agents' Teams channel: {Problem}")]
    private static partial void LogNotPosted(ILogger logger, string reference, string problem);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Agents' Teams channel: the outbox could not be read this time: {Problem}")]
    private static partial void LogOutboxUnavailable(ILogger logger, string problem);
}
