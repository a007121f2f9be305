using Helpdesk.Bot.Agents;
using Helpdesk.Channels.Storage;
using Helpdesk.Tests.Databases;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>The agent store's behaviour, the same on the embedded SQLite file and on PostgreSQL.</summary>
public abstract class AgentAccountsContract(TestDatabases databases) : IDisposable
{
    private SqlDatabase? _database;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_password_is_stored_hashed_and_checked()
    {
        var accounts = await AccountsAsync();
        await accounts.SetPasswordAsync("maya", "Maya Okafor", AgentRole.Agent, "correct horse battery", oneTime: false, Cancel);

        var account = await accounts.CheckAsync("maya", "correct horse battery", Cancel);

        Assert.Equal(("maya", "Maya Okafor", AgentRole.Agent, false), (account!.Id, account.Name, account.Role, account.MustChangePassword));
        Assert.DoesNotContain("correct horse battery", account.PasswordHash, StringComparison.Ordinal);
        Assert.Null(await accounts.CheckAsync("maya", "wrong", Cancel));
        Assert.Null(await accounts.CheckAsync("nobody", "correct horse battery", Cancel));
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_and_changing_it_replaces_the_old_one()
    {
        var accounts = await AccountsAsync();
        Assert.False(await accounts.AnyAdminAsync(Cancel));
        await accounts.SetPasswordAsync("admin", "Administrator", AgentRole.Admin, "first", oneTime: true, Cancel);
        Assert.True((await accounts.FindAsync("admin", Cancel))!.MustChangePassword);
        Assert.True(await accounts.AnyAdminAsync(Cancel));

        await accounts.SetPasswordAsync("admin", "Administrator", AgentRole.Admin, "second and longer", oneTime: false, Cancel);

        Assert.Null(await accounts.CheckAsync("admin", "first", Cancel));
        Assert.False((await accounts.CheckAsync("admin", "second and longer", Cancel))!.MustChangePassword);
    }

    [Fact]
    public async Task Accounts_survive_a_restart_on_the_same_database()
    {
        var accounts = await AccountsAsync();
        await accounts.SetPasswordAsync("tom", "Tom Becker", AgentRole.Supervisor, "supervising", oneTime: false, Cancel);

        var again = new AgentAccounts(_database!, TimeProvider.System);

        Assert.Equal(AgentRole.Supervisor, (await again.CheckAsync("tom", "supervising", Cancel))!.Role);
    }

    public void Dispose()
    {
        databases.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<AgentAccounts> AccountsAsync()
    {
        _database = await databases.CreateAsync();
        return new AgentAccounts(_database, TimeProvider.System);
    }
}

public sealed class SqliteAgentAccountsTests() : AgentAccountsContract(TestDatabases.Sqlite());

public sealed class PostgresAgentAccountsTests(PostgresCluster cluster) : AgentAccountsContract(TestDatabases.PostgreSql(cluster));
