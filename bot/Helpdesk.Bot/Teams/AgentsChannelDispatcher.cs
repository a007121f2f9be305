using Helpdesk.Channels.BotConnector;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Outbox;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Teams;

/// <summary>
/// The outbox's "teams" destination: each new case and each escalation is posted to the agents'
/// Teams channel as a <see cref="HandoffCard"/>, once across hosts (each attempt is claimed first),
/// retried on the outbox schedule when Teams refuses or cannot be reached.
/// </summary>
internal sealed partial class AgentsChannelDispatcher(
    IOutbox outbox,
    ICaseStore cases,
    ConnectorClient connector,
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

        // Every event at or below this id has a delivery row for this destination, so retries are found through those.
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
                    var skipped = due.Kind is not (OutboxEventKinds.CaseCreated or OutboxEventKinds.CaseEscalated) ? "not a new or escalated case"
                        : time.GetUtcNow() - due.OccurredAt > FreshFor ? "too old to post"
                        : null;
                    if (skipped is null) await PostAsync(channel, due, attempts, stoppingToken);
                    else await outbox.RecordAsync(new DeliveryAttempt(due.Id, Destination, true, skipped, time.GetUtcNow(), null), stoppingToken);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                LogOutboxUnavailable(logger, e.Message);
            }
        }
    }

    private async Task PostAsync(AgentsChannelOptions channel, OutboxEvent due, int attempts, CancellationToken cancellationToken)
    {
        string? error = null;
        if (await cases.FindCaseAsync(due.Reference, cancellationToken) is { } handedOff)
        {
            try
            {
                await connector.SendAsync(channel.ServiceUrl, channel.ConversationId, HandoffCard.For(handedOff, due.Kind, channel.ConsoleUrl), cancellationToken);
            }
            catch (ConnectorException e)
            {
                error = e.Message;
            }
        }

        var now = time.GetUtcNow();
        var next = error is null ? null : RetrySchedule.Next(attempts + 1, MaxAttempts, now, Random.Shared.NextDouble(), RetrySchedule.DefaultFirstDelay);
        await outbox.RecordAsync(new DeliveryAttempt(due.Id, Destination, error is null, error, now, next), cancellationToken);
        if (error is not null) LogNotPosted(logger, due.Reference, error);
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Case {Reference} could not be posted to the agents' Teams channel: {Problem}")]
    private static partial void LogNotPosted(ILogger logger, string reference, string problem);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Agents' Teams channel: the outbox could not be read this time: {Problem}")]
    private static partial void LogOutboxUnavailable(ILogger logger, string problem);
}
