using Helpdesk.Channels.BotConnector;
using Helpdesk.Channels.Schema;
using Helpdesk.Tests.Databases;

namespace Helpdesk.Channels.Tests.BotConnector;

/// <summary>The Bot Connector inbox, the same on the embedded SQLite file and on PostgreSQL: an accepted
/// activity stays until its turn has run, and a host that stopped or vanished has its entries taken over.</summary>
public abstract class ConnectorInboxContract(TestDatabases databases) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_entry_is_kept_with_the_whole_activity_until_completed_and_leased_to_one_host_at_a_time()
    {
        var inbox = await InboxAsync();
        var first = await inbox.AddAsync(Message("c1", "hello"), "host-a", Now, Now + Lease, Cancel);
        var second = await inbox.AddAsync(Message("c1", "my invoice"), "host-a", Now, Now + Lease, Cancel);

        Assert.Empty(await inbox.TakeOverAsync("host-b", Now.AddMinutes(1), Now.AddMinutes(3), 10, Cancel));
        var taken = await inbox.TakeOverAsync("host-b", Now.AddMinutes(3), Now.AddMinutes(5), 10, Cancel);
        Assert.Equal([first, second], taken.Select(e => e.Id));
        Assert.Equal(["hello", "my invoice"], taken.Select(e => e.Activity!.Text));
        Assert.Equal("c1", taken[0].Activity!.Conversation!.Id);
        Assert.All(taken, e => Assert.Equal(2, e.Attempts));
        Assert.Empty(await inbox.TakeOverAsync("host-c", Now.AddMinutes(4), Now.AddMinutes(6), 10, Cancel));

        await inbox.CompleteAsync(first, Cancel);
        Assert.Equal([second], (await inbox.TakeOverAsync("host-c", Now.AddMinutes(6), Now.AddMinutes(8), 10, Cancel)).Select(e => e.Id));
    }

    [Fact]
    public async Task A_host_that_stops_gives_its_entries_back_at_once_and_only_its_own()
    {
        var inbox = await InboxAsync();
        var mine = await inbox.AddAsync(Message("c1", "hello"), "host-a", Now, Now + Lease, Cancel);
        await inbox.AddAsync(Message("c2", "hi"), "host-b", Now, Now + Lease, Cancel);

        await inbox.ReleaseAsync("host-a", Now, Cancel);

        var taken = await inbox.TakeOverAsync("host-c", Now, Now + Lease, 10, Cancel);
        Assert.Equal([mine], taken.Select(e => e.Id));
    }

    [Fact]
    public async Task Hosts_taking_over_at_the_same_moment_never_share_an_entry()
    {
        var inbox = await InboxAsync();
        for (var i = 0; i < 40; i++) await inbox.AddAsync(Message("c" + i, "m" + i), "gone", Now, Now, Cancel);

        var takers = await Task.WhenAll(Enumerable.Range(0, 4).Select(h => Task.Run(() => inbox.TakeOverAsync("host-" + h, Now.AddSeconds(1), Now.AddMinutes(2), 15, Cancel))));

        var ids = takers.SelectMany(t => t.Select(e => e.Id)).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
    }

    public void Dispose()
    {
        databases.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Activity Message(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "user-1" },
    };

    private async Task<ConnectorInbox> InboxAsync() => new(await databases.CreateAsync());
}

public sealed class SqliteConnectorInboxTests() : ConnectorInboxContract(TestDatabases.Sqlite());

public sealed class PostgresConnectorInboxTests(PostgresCluster cluster) : ConnectorInboxContract(TestDatabases.PostgreSql(cluster));
