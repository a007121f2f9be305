using System.Diagnostics.Metrics;
using System.Text.Json;
using Helpdesk.Channels.BotConnector;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Channels.Storage;
using Helpdesk.Tests.BotConnector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Helpdesk.Tests.Time;

namespace Helpdesk.Channels.Tests.BotConnector;

/// <summary>Replies the channel will not take yet wait in the inbox and go later, without the turn running
/// again: the inbox on SQLite, a fake channel on loopback, a clock the test moves.</summary>
public sealed class ConnectorTurnsTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private readonly HttpClient _http = new();
    private readonly WatchedTimeProvider _time = new();
    private SqliteDatabase _database = null!;
    private FakeConnector _channel = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = new SqliteDatabase(_directory.Path("inbox.db"));
        _channel = await FakeConnector.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        _http.Dispose();
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Replies_the_channel_refused_are_sent_later_in_order_and_the_turn_runs_once()
    {
        var bot = new TwoReplies();
        var inbox = new ConnectorInbox(_database);
        var trust = new ServiceUrlTrust([]);
        var tokens = new BotTokenProvider(_http, new ChannelAuthOptions { AppId = "bot-id" }, new BotTokenOptions { Authority = _channel.ServiceUrl, ClientSecret = FakeConnector.ClientSecret }, TimeProvider.System);
        var client = new ConnectorClient(_http, tokens, trust, new ConnectorRetryOptions { MaxAttempts = 1 }, _time);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ConnectorMetrics(services.GetRequiredService<IMeterFactory>());
        using var turns = new ConnectorTurns(bot, client, inbox, trust, _time, metrics, NullLogger<ConnectorTurns>.Instance);
        trust.Prove(_channel.ServiceUrl);
        _channel.FailNext(503);
        await turns.StartAsync(Cancel);
        await _time.TimerCreated.WaitAsync(Cancel);

        Assert.True(await turns.AcceptAsync(Inbound(), Cancel));
        while (!await KeptRepliesAsync()) await Task.Delay(20, Cancel);
        _time.Advance(TimeSpan.FromSeconds(31)); // past the first retry, 30 s on
        while (Replies().Count < 3) await Task.Delay(20, Cancel);
        await turns.StopAsync(Cancel);

        Assert.Equal(1, bot.Turns);
        Assert.Equal(["first", "first", "second"], Replies().Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("text").GetString()));
        Assert.Empty(await inbox.TakeOverAsync("anyone", _time.GetUtcNow().AddHours(1), _time.GetUtcNow().AddHours(2), 10, Cancel));
    }

    private List<ConnectorCall> Replies() => [.. _channel.Calls.Where(c => c.Path == "/v3/conversations/c1/activities/m1")];

    private async Task<bool> KeptRepliesAsync()
    {
        await using var connection = await _database.OpenAsync(Cancel);
        await using var command = connection.Sql("SELECT COUNT(*) FROM connector_inbox WHERE replies IS NOT NULL");
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private Activity Inbound() => new()
    {
        Type = ActivityTypes.Message,
        Id = "m1",
        ChannelId = "webchat",
        ServiceUrl = _channel.ServiceUrl,
        From = new ChannelAccount { Id = "user-1" },
        Recipient = new ChannelAccount { Id = "bot-id" },
        Conversation = new ConversationAccount { Id = "c1" },
        Text = "hello",
    };

    /// <summary>A bot that answers every activity with two messages and counts its turns.</summary>
    private sealed class TwoReplies : IDirectLineBot
    {
        private int _turns;

        public int Turns => Volatile.Read(ref _turns);

        public Task<IReadOnlyList<Activity>> OnActivityAsync(Activity activity, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _turns);
            return Task.FromResult<IReadOnlyList<Activity>>(
                [new Activity { Type = ActivityTypes.Message, Text = "first" }, new Activity { Type = ActivityTypes.Message, Text = "second" }]);
        }
    }
}
