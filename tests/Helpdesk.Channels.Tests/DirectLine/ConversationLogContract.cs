using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Channels.Storage;
using Helpdesk.Tests.Databases;

namespace Helpdesk.Channels.Tests.DirectLine;

/// <summary>The Direct Line conversation log, the same on the embedded SQLite file and on PostgreSQL.</summary>
public abstract class ConversationLogContract(TestDatabases databases) : IDisposable
{
    private SqlDatabase? _database;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Appends_get_consecutive_ids_and_increasing_timestamps_and_read_after_a_watermark()
    {
        var log = await LogAsync();
        Assert.True(await log.CreateAsync("conv", "dl_user", Cancel));
        Assert.False(await log.CreateAsync("conv", "dl_user", Cancel));

        var first = await log.AppendAsync("conv", [Message("hello"), Message("hi, I'm the bot")], "client-1", Cancel);
        var second = await log.AppendAsync("conv", [Message("my invoice")], null, Cancel);

        Assert.Equal(["conv|0000001", "conv|0000002", "conv|0000003"], first.Concat(second).Select(a => a.Activity.Id));
        Assert.True(first[0].Activity.Timestamp < first[1].Activity.Timestamp && first[1].Activity.Timestamp < second[0].Activity.Timestamp);
        Assert.Equal(["my invoice"], (await log.ReadAsync("conv", 2, 10, Cancel)).Select(a => a.Activity.Text));
        Assert.Equal(2, (await log.ReadAsync("conv", null, 2, Cancel)).Count);
        Assert.True(await log.ExistsAsync("conv", Cancel));
        Assert.False(await log.ExistsAsync("other", Cancel));
    }

    [Fact]
    public async Task The_same_client_activity_posted_twice_is_recorded_once()
    {
        var log = await LogAsync();
        await log.CreateAsync("conv", "dl_user", Cancel);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => log.AppendAsync("conv", [Message("hello")], "client-1", Cancel))));

        Assert.Single(attempts, a => !a[0].WasDuplicate);
        Assert.All(attempts, a => Assert.Equal("conv|0000001", a[0].Activity.Id));
        Assert.Single(await log.ReadAsync("conv", null, 10, Cancel));
    }

    [Fact]
    public async Task Concurrent_appends_never_share_a_sequence_number_and_survive_a_restart()
    {
        var log = await LogAsync();
        await log.CreateAsync("conv", "dl_user", Cancel);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => log.AppendAsync("conv", [Message("m" + i)], "c" + i, Cancel))));
        var again = new SqlConversationLog(_database!, TimeProvider.System);

        var read = await again.ReadAsync("conv", null, 100, Cancel);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), read.Select(a => a.Sequence));
        Assert.Equal(20, read.Select(a => a.Activity.Text).Distinct().Count());
    }

    public void Dispose()
    {
        databases.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "dl_user", Role = "user" } };

    private async Task<SqlConversationLog> LogAsync()
    {
        _database = await databases.CreateAsync();
        return new SqlConversationLog(_database, TimeProvider.System);
    }
}

public sealed class SqliteConversationLogTests() : ConversationLogContract(TestDatabases.Sqlite());

public sealed class PostgresConversationLogTests(PostgresCluster cluster) : ConversationLogContract(TestDatabases.PostgreSql(cluster));
