using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Helpdesk.Triage.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.LoadTest.Webhooks;

/// <summary>
/// A small HTTP server that takes the host's webhook deliveries on any path: a POST whose Standard
/// Webhooks signature does not verify gets 401 and is counted; with <see cref="WebhookSettings.FailFirst"/>
/// the first attempts of each event get 503, so the host has to retry; anything else is recorded and
/// gets 204. Nothing is deduplicated here: a repeat of a <c>webhook-id</c> is recorded again, to be counted.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebhookSettings _settings;
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _accepted = [];
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referencesCreated = new(StringComparer.Ordinal);
    private int _requests;
    private int _refused;
    private int _invalid;
    private int _unreadable;

    private WebhookReceiver(WebhookSettings settings)
    {
        _settings = settings;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // Kestrel listens on a host and port; the path of the address is left to the sender.
        builder.WebHost.UseKestrelCore().UseUrls(settings.Listen.GetLeftPart(UriPartial.Authority));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public static async Task<WebhookReceiver> StartAsync(WebhookSettings settings, CancellationToken cancellationToken)
    {
        var receiver = new WebhookReceiver(settings);
        await receiver._app.StartAsync(cancellationToken);
        return receiver;
    }

    /// <summary>
    /// Waits until a <c>case.created</c> has been accepted for every one of <paramref name="references"/>,
    /// or the wait is over, or the run is cancelled; then listens a moment longer so that a late repeat
    /// is still counted. Returns how long it waited for the last of them.
    /// </summary>
    public async Task<TimeSpan> WaitForCasesAsync(IReadOnlySet<string> references, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (!AllCreated(references) && Stopwatch.GetElapsedTime(started) < _settings.Wait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }

            var waited = Stopwatch.GetElapsedTime(started);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            return waited;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>What arrived so far, to report.</summary>
    public WebhookTally Tally()
    {
        lock (_gate) return new WebhookTally([.. _accepted], _requests, _refused, _invalid, _unreadable);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private bool AllCreated(IReadOnlySet<string> references)
    {
        lock (_gate) return _referencesCreated.IsSupersetOf(references);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var id = request.Headers[WebhookSignature.IdHeader].ToString();
        if (!SignatureVerifies(id, request.Headers[WebhookSignature.TimestampHeader].ToString(), request.Headers[WebhookSignature.SignatureHeader].ToString(), body))
        {
            Interlocked.Increment(ref _invalid);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        lock (_gate)
        {
            var attempt = _attempts[id] = _attempts.GetValueOrDefault(id) + 1;
            if (attempt <= _settings.FailFirst)
            {
                _refused++;
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }

        if (Read(id, body) is not { } received)
        {
            Interlocked.Increment(ref _unreadable);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        lock (_gate)
        {
            _accepted.Add(received);
            if (received is { Type: OutboxEventKinds.CaseCreated, Reference: { } reference }) _referencesCreated.Add(reference);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private bool SignatureVerifies(string id, string timestamp, string signature, string body)
    {
        if (id.Length == 0 || signature.Length == 0) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        try
        {
            return WebhookSignature.Verify(_settings.Secret, id, DateTimeOffset.FromUnixTimeSeconds(seconds), body, signature);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A timestamp past the year 9999 is no signed timestamp.
            return false;
        }
    }

    /// <summary>The event's type, case reference and time from the body (<c>{"type", "occurredAt", "case": {"reference"}}</c>); null when it is not JSON.</summary>
    private static ReceivedWebhook? Read(string id, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var type = Text(root, "type");
            var reference = root.TryGetProperty("case", out var found) && found.ValueKind == JsonValueKind.Object ? Text(found, "reference") : null;
            DateTimeOffset? occurredAt = root.TryGetProperty("occurredAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var parsed)
                ? parsed
                : null;
            return new ReceivedWebhook(id, type, reference, occurredAt, DateTimeOffset.UtcNow);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
