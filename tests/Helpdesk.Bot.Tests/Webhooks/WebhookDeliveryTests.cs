using System.Diagnostics.Metrics;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Bot.Tests.Hosting;
using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Webhooks;

/// <summary>Case events reach a real HTTP receiver, signed; failures are retried, given up on into a
/// dead-letter list, and nothing is lost when the host restarts.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "whsec_dGhpcyBpcyBhIHRlc3Qgc2VjcmV0IGZvciB3ZWJob29rcw==";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AHandoff_ReachesTheReceiver_SignedAndComplete()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var bot = Start(receiver.Url);

        var reference = await HandOffAsync(bot);
        var delivery = await FirstDeliveryAsync(receiver);

        Assert.True(WebhookSignature.Verify(Secret, delivery.Id, DateTimeOffset.FromUnixTimeSeconds(long.Parse(delivery.Timestamp, System.Globalization.CultureInfo.InvariantCulture)), delivery.Body, delivery.Signature));
        Assert.Equal("case.created", delivery.Event);
        var payload = JsonDocument.Parse(delivery.Body).RootElement;
        var sent = payload.GetProperty("case");
        Assert.Equal(reference, sent.GetProperty("reference").GetString());
        Assert.Equal("ACC-20931", sent.GetProperty("details").GetProperty("facts").GetProperty("accountId").GetString());
        Assert.True(sent.GetProperty("plan").GetProperty("priority").GetProperty("reasons").GetArrayLength() > 0);
        Assert.True(sent.GetProperty("plan").TryGetProperty("firstResponseDue", out _));
        Assert.True(sent.GetProperty("transcript").GetArrayLength() > 2);
    }

    [Fact]
    public async Task RefusedDeliveries_AreRetried_UntilAccepted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        using var bot = Start(receiver.Url);

        await HandOffAsync(bot);
        await FirstDeliveryAsync(receiver);

        Assert.Equal(2, receiver.Refused);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task AfterTheLastAttempt_TheEventIsDeadLettered_AndCanBeRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        using var bot = Start(receiver.Url, maxAttempts: 3);
        var outbox = bot.Factory.Services.GetRequiredService<IOutbox>();

        var reference = await HandOffAsync(bot);
        var dead = await EventuallyAsync(async () => await outbox.DeadLettersAsync("helpdesk", CancellationToken.None), d => d.Count == 1);

        Assert.Equal((reference, 3), (dead[0].Event.Reference, dead[0].Attempts));
        Assert.Contains("HTTP 500", dead[0].LastError, StringComparison.Ordinal);
        Assert.True(await outbox.RetryAsync(dead[0].Event.Id, "helpdesk", DateTimeOffset.UtcNow, CancellationToken.None));
        await FirstDeliveryAsync(receiver);
    }

    [Fact]
    public async Task EveryDeliveryAttempt_IsCounted_ByHowItEnded()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        using var bot = Start(receiver.Url, maxAttempts: 3);
        using var metrics = new MetricRecorder(bot.Factory.Services.GetRequiredService<IMeterFactory>(), HelpdeskTelemetry.Name);
        var outbox = bot.Factory.Services.GetRequiredService<IOutbox>();

        await HandOffAsync(bot);
        var dead = await EventuallyAsync(async () => await outbox.DeadLettersAsync("helpdesk", CancellationToken.None), d => d.Count == 1);
        await outbox.RetryAsync(dead[0].Event.Id, "helpdesk", DateTimeOffset.UtcNow, CancellationToken.None);
        await EventuallyAsync(() => Task.FromResult(metrics.Of("helpdesk.webhook.deliveries")), counted => counted.Count == 4);

        var outcomes = metrics.Of("helpdesk.webhook.deliveries").Select(d => (d.Value, d.Tags["helpdesk.webhook.destination"], d.Tags["helpdesk.webhook.event"], d.Tags["helpdesk.webhook.outcome"]));
        Assert.Equal([(1, "helpdesk", "case.created", "retry"), (1, "helpdesk", "case.created", "retry"), (1, "helpdesk", "case.created", "dead"), (1, "helpdesk", "case.created", "delivered")], outcomes);
    }

    [Fact]
    public async Task NothingIsLost_WhenTheReceiverIsDownAndTheHostRestarts()
    {
        string dataDirectory;
        int port;
        await using (var down = await WebhookReceiver.StartAsync(failFirst: int.MaxValue))
        {
            port = new Uri(down.Url).Port;
            using var first = Start(down.Url, keepData: null);
            await HandOffAsync(first);
            await EventuallyAsync(() => Task.FromResult(down.Refused), refused => refused > 0);
            dataDirectory = first.Factory.DataDirectory;
        }

        await using var up = await WebhookReceiver.StartAsync(port: port);
        using var second = Start(up.Url, keepData: dataDirectory);
        var delivery = await FirstDeliveryAsync(up);

        Assert.Equal("case.created", delivery.Event);
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static KestrelBot Start(string url, int maxAttempts = 8, string? keepData = null)
    {
        var bot = new KestrelBot(keepData, host => host
            .UseSetting("Webhooks:PollInterval", "00:00:00.100")
            .UseSetting("Webhooks:Destinations:0:Name", "helpdesk")
            .UseSetting("Webhooks:Destinations:0:Url", url)
            .UseSetting("Webhooks:Destinations:0:Secret", Secret)
            .UseSetting("Webhooks:Destinations:0:MaxAttempts", maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Webhooks:Destinations:0:FirstRetryDelay", "00:00:00.100"));
        return bot;
    }

    /// <summary>Asks for a person over Direct Line and answers the two quick questions; returns the case reference.</summary>
    private static async Task<string> HandOffAsync(KestrelBot bot)
    {
        var (conversationId, token) = await bot.Client.SessionAsync();
        await bot.Client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", "ACC-20931", "Chat now" })
        {
            (await bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        }

        var activities = (await bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        return activities.Select(a => Helpdesk.Triage.Cases.CaseReference.Find(a.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "")).Last(r => r is not null)!;
    }

    private static Task<ReceivedWebhook> FirstDeliveryAsync(WebhookReceiver receiver) =>
        EventuallyAsync(() => Task.FromResult(receiver.Received.TryPeek(out var first) ? first : null), d => d is not null)!;

    /// <summary>Polls until the condition holds; the limit only stops a broken run from hanging.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The expected webhook state never came.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
