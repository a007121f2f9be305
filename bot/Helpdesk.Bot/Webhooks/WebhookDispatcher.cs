using System.Globalization;
using System.Text;
using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Telemetry;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Webhooks;

/// <summary>
/// Delivers outbox events to every configured webhook: signed POSTs, at least once (the
/// <c>webhook-id</c> header lets receivers drop repeats), retried on the schedule until accepted or
/// dead-lettered. Delivery state lives in the database, so a restart resumes where it stopped, and
/// each attempt is claimed there first, so hosts sharing the database send each event once.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IOutbox outbox,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    HelpdeskTelemetry telemetry,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    private const int Batch = 50;

    // Per destination, the highest event id handled: each one then has a delivery row, so retries are found through those.
    private readonly Dictionary<string, OutboxPosition> _after = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Destinations.Count == 0) return;

        using var timer = new PeriodicTimer(settings.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A full batch means more events may be waiting: go round the destinations again at once
            // rather than at the next tick, so a burst of cases drains at the speed of the receivers
            // instead of one batch per poll interval. Every event handled is delivered, rescheduled for
            // later or dead-lettered, so the rounds end.
            bool more;
            do
            {
                more = false;
                foreach (var destination in settings.Destinations)
                {
                    try
                    {
                        more |= await DeliverDueAsync(destination, stoppingToken) == Batch;
                    }
                    catch (System.Data.Common.DbException e)
                    {
                        LogOutboxUnavailable(logger, destination.Name, e.Message);
                    }
                }
            }
            while (more);
        }
    }

    /// <summary>Delivers or reschedules up to one batch of due events; returns how many there were.</summary>
    private async Task<int> DeliverDueAsync(WebhookDestination destination, CancellationToken cancellationToken)
    {
        var batch = await outbox.DueAsync(destination.Name, _after.GetValueOrDefault(destination.Name), time.GetUtcNow(), Batch, cancellationToken);
        foreach (var (due, attempts) in batch)
        {
            if (destination.Events.Count > 0 && !destination.Events.Contains(due.Kind))
            {
                await outbox.RecordAsync(new DeliveryAttempt(due.Id, destination.Name, true, "not subscribed", time.GetUtcNow(), null), cancellationToken);
                Handled(destination, due);
                continue;
            }

            if (!await outbox.ClaimAsync(due.Id, destination.Name, time.GetUtcNow(), time.GetUtcNow() + Lease(destination), cancellationToken))
            {
                Handled(destination, due); // another instance is sending it
                continue;
            }

            var error = await PostAsync(destination, due, cancellationToken);
            var now = time.GetUtcNow();
            var next = error is null ? null : RetrySchedule.Next(attempts + 1, destination.MaxAttempts, now, Random.Shared.NextDouble(), destination.FirstRetryDelay);
            await outbox.RecordAsync(new DeliveryAttempt(due.Id, destination.Name, error is null, error, now, next), cancellationToken);
            Handled(destination, due);

            if (error is not null && next is null) LogDeadLettered(logger, due.Id, due.Reference, destination.Name, attempts + 1, error);
            else if (error is not null) LogRetrying(logger, due.Id, destination.Name, error, next!.Value);
            telemetry.WebhookDelivery(destination.Name, due.Kind,
                error is null ? DeliveryOutcome.Delivered : next is null ? DeliveryOutcome.Dead : DeliveryOutcome.Retry);
        }

        return batch.Count;
    }

    /// <summary>How long an attempt is ours: the receiver's timeout and then some, so a slow answer is never sent twice.</summary>
    private static TimeSpan Lease(WebhookDestination destination) => destination.Timeout * 2 + TimeSpan.FromSeconds(30);

    private void Handled(WebhookDestination destination, OutboxEvent due) =>
        _after[destination.Name] = OutboxPosition.Max(_after.GetValueOrDefault(destination.Name), due.Position);

    /// <summary>Sends one event; null when the receiver accepted it (2xx), else why not.</summary>
    private async Task<string?> PostAsync(WebhookDestination destination, OutboxEvent due, CancellationToken cancellationToken)
    {
        var id = due.Id.ToString(CultureInfo.InvariantCulture);
        var timestamp = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = new StringContent(due.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(destination.Secret, id, timestamp, due.Payload));
        request.Headers.Add("webhook-event", due.Kind);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(destination.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {destination.Timeout.TotalSeconds:0} s";
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Webhook {Destination} refused event {EventId}: {Error}; next attempt at {Next:O}")]
    private static partial void LogRetrying(ILogger logger, long eventId, string destination, string error, DateTimeOffset next);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Webhook {Destination} dead-lettered event {EventId} (case {Reference}) after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, long eventId, string reference, string destination, int attempts, string error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Webhook {Destination}: the outbox could not be read this time: {Problem}")]
    private static partial void LogOutboxUnavailable(ILogger logger, string destination, string problem);
}
