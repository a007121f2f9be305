using System.Net;
using Helpdesk.Bot.Webhooks;
using Helpdesk.Triage.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Webhooks;

/// <summary>The dispatcher's pace, against an outbox in memory and a receiver that accepts everything.</summary>
public sealed class WebhookDispatcherTests
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ABacklogOfSeveralBatches_IsDeliveredOnOneTick()
    {
        var time = new WatchedTimeProvider();
        var outbox = new MemoryOutbox(events: 120);
        var receiver = new CountingReceiver();
        var options = new WebhookOptions
        {
            PollInterval = PollInterval,
            Destinations = [new WebhookDestination { Name = "helpdesk", Url = "http://receiver.test/", Secret = "a-secret-of-16-chars" }],
        };
        using var dispatcher = new WebhookDispatcher(outbox, new Clients(receiver), Options.Create(options), time, NullLogger<WebhookDispatcher>.Instance);

        await dispatcher.StartAsync(TestContext.Current.CancellationToken);
        await time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        time.Advance(PollInterval);

        // The clock stands still from here: the whole backlog must go on this one tick, not 50 events per tick.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (outbox.Delivered < 120 && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        await dispatcher.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal((120, 120), (outbox.Delivered, receiver.Requests));
    }

    /// <summary>A fake clock that says when the dispatcher has made its timer, so the test ticks it only after that.</summary>
    private sealed class WatchedTimeProvider : FakeTimeProvider
    {
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _created.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _created.TrySetResult();
            return timer;
        }
    }

    /// <summary>Events 1 to N, each delivered once to one destination.</summary>
    private sealed class MemoryOutbox(int events) : IOutbox
    {
        private readonly Lock _gate = new();
        private readonly HashSet<long> _delivered = [];

        public int Delivered
        {
            get
            {
                lock (_gate) return _delivered.Count;
            }
        }

        public Task<IReadOnlyList<(OutboxEvent Event, int Attempts)>> DueAsync(string destination, long after, DateTimeOffset now, int max, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                IReadOnlyList<(OutboxEvent, int)> due =
                [
                    .. Enumerable.Range(1, events).Select(i => (long)i).Where(id => id > after && !_delivered.Contains(id)).Take(max)
                        .Select(id => (new OutboxEvent(id, OutboxEventKinds.CaseCreated, $"HD-{id:000000}", now, "{}"), 0)),
                ];
                return Task.FromResult(due);
            }
        }

        public Task RecordAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (attempt.Delivered) _delivered.Add(attempt.EventId);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string destination, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeadLetter>>([]);

        public Task<bool> RetryAsync(long eventId, string destination, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed class CountingReceiver : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
