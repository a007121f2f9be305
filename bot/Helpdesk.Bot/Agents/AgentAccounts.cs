using System.Security.Cryptography;
using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Routing;
using Microsoft.AspNetCore.Identity;

namespace Helpdesk.Bot.Agents;

/// <summary>Agent accounts in the embedded database, and password checks. Names and roles of
/// rostered agents come from routing.json; the account adds only the credential.</summary>
internal sealed class AgentAccounts
{
    private static readonly SchemaSteps Schema = new(
        Sqlite:
        [
            """
            CREATE TABLE agent_accounts (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                must_change_password INTEGER NOT NULL,
                updated_at TEXT NOT NULL);
            """,
        ],
        PostgreSql:
        [
            """
            CREATE TABLE agent_accounts (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                must_change_password BOOLEAN NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL);
            """,
        ]);

    private readonly PasswordHasher<AgentAccount> _hasher = new();
    private readonly SqlDatabase _database;
    private readonly TimeProvider _time;

    public AgentAccounts(SqlDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        database.Migrate("agents", Schema);
    }

    public async Task<AgentAccount?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT id, name, role, password_hash, must_change_password FROM agent_accounts WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AgentAccount(reader.GetString(0), reader.GetString(1), Enum.Parse<AgentRole>(reader.GetString(2)), reader.GetString(3), reader.GetBoolean(4))
            : null;
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT 1 FROM agent_accounts WHERE role = @role LIMIT 1", ("role", nameof(AgentRole.Admin)));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Sets (or creates the account with) a password; a one-time password must be changed at sign-in.</summary>
    public async Task SetPasswordAsync(string id, string name, AgentRole role, string password, bool oneTime, CancellationToken cancellationToken)
    {
        var hash = _hasher.HashPassword(new AgentAccount(id, name, role, "", oneTime), password);
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            """
            INSERT INTO agent_accounts (id, name, role, password_hash, must_change_password, updated_at)
            VALUES (@id, @name, @role, @hash, @once, @at)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, password_hash = excluded.password_hash,
                must_change_password = excluded.must_change_password, updated_at = excluded.updated_at
            """,
            cancellationToken,
            ("id", id), ("name", name), ("role", role.ToString()), ("hash", hash), ("once", oneTime), ("at", _time.GetUtcNow()));
    }

    /// <summary>The account when the password is right; null otherwise (unknown id or wrong password alike).</summary>
    public async Task<AgentAccount?> CheckAsync(string id, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, cancellationToken);
        if (account is null)
        {
            // Hash anyway, so a missing account takes as long to refuse as a wrong password.
            _hasher.HashPassword(new AgentAccount(id, "", AgentRole.Agent, "", false), password);
            return null;
        }

        return _hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed ? null : account;
    }

    public static string NewOneTimePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
}
