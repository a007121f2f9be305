using Helpdesk.Bot.Webhooks;
using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Storage;
using Helpdesk.Triage.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Helpdesk.Tests.Time;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.Bot.Tests.Webhooks;

/// <summary>The dispatcher's pace: a backlog of several batches in the real store goes out on one tick,
/// to a real receiver on loopback, rather than one batch per poll interval.</summary>
public sealed class WebhookDispatcherTests
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABacklogOfSeveralBatches_IsDeliveredOnOneTick()
    {
        using var directory = new TemporaryDirectory();
        using var database = new SqliteDatabase(directory.Path("outbox.db"));
        var store = new SqlTriageStore(database);
        for (var i = 0; i < 120; i++) await HandOffAsync(store, i);
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new WatchedTimeProvider();
        var options = new WebhookOptions
        {
            PollInterval = PollInterval,
            Destinations = [new WebhookDestination { Name = "helpdesk", Url = receiver.Url, Secret = "a-secret-of-16-chars" }],
        };
        using var services = new ServiceCollection().AddMetrics().AddHttpClient().BuildServiceProvider();
        using var telemetry = new HelpdeskTelemetry(services.GetRequiredService<IMeterFactory>());
        using var dispatcher = new WebhookDispatcher(store, services.GetRequiredService<IHttpClientFactory>(), Options.Create(options), time, telemetry, NullLogger<WebhookDispatcher>.Instance);

        await dispatcher.StartAsync(Cancel);
        await time.TimerCreated.WaitAsync(Cancel);
        time.Advance(PollInterval);

        // The clock stands still from here: the whole backlog must go on this one tick, not 50 events per tick.
        while (receiver.Received.Count < 120) await Task.Delay(20, Cancel);
        await dispatcher.StopAsync(Cancel);

        Assert.Equal(120, receiver.Received.Select(r => r.Id).Distinct().Count());
        Assert.Empty(await store.DueAsync("helpdesk", OutboxPosition.Start, time.GetUtcNow(), 10, Cancel));
    }

    private static async Task HandOffAsync(SqlTriageStore store, int i)
    {
        var draft = new CaseDraft("The app crashes", null, new TriageFacts(), Urgency.Medium, [], [], HandoffReason.Asked, "directline");
        var state = new TriageState { Stage = TriageStage.HandedOff, Outcome = ConversationOutcome.HandedOff };
        await store.CommitAsync(new TurnCommit("c" + i, "u" + i, 0, state, DateTimeOffset.UtcNow, "a" + i, draft), Cancel);
    }
}
