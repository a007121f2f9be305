using System.Data.Common;
using Helpdesk.Channels.Schema;
using Helpdesk.Channels.Storage;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// Activities accepted on <c>/api/messages</c> and not yet handled. The channel gets its 200 once the
/// activity is written here, so a host that stops or crashes before the turn ran loses nothing: each
/// entry is leased to the host working on it, and when the lease runs out (or is given back at a
/// graceful stop) any host takes it over. An entry is deleted once its turn has run and its replies
/// have reached the channel; when the channel cannot take them, the replies wait in the entry (with
/// how many were already sent) and are sent again later without running the turn again.
/// </summary>
public sealed class ConnectorInbox
{
    private static readonly SchemaSteps Schema = new(
        Sqlite:
        [
            """
            CREATE TABLE IF NOT EXISTS connector_inbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id TEXT NOT NULL,
                activity TEXT NOT NULL,
                received_at TEXT NOT NULL,
                owner TEXT NOT NULL,
                leased_until TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 1);
            CREATE INDEX IF NOT EXISTS connector_inbox_by_lease ON connector_inbox (leased_until);
            """,
            """
            ALTER TABLE connector_inbox ADD COLUMN replies TEXT NULL;
            ALTER TABLE connector_inbox ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;
            """,
        ],
        PostgreSql:
        [
            """
            CREATE TABLE connector_inbox (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                conversation_id TEXT NOT NULL,
                activity TEXT NOT NULL,
                received_at TIMESTAMPTZ NOT NULL,
                owner TEXT NOT NULL,
                leased_until TIMESTAMPTZ NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 1);
            CREATE INDEX connector_inbox_by_lease ON connector_inbox (leased_until);
            """,
            """
            ALTER TABLE connector_inbox ADD COLUMN replies TEXT NULL, ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;
            """,
        ]);

    private readonly SqlDatabase _database;

    public ConnectorInbox(SqlDatabase database)
    {
        _database = database;
        database.Migrate("connector_inbox", Schema);
    }

    /// <summary>Writes the activity down, leased to <paramref name="owner"/>, and returns its entry id.</summary>
    public async Task<long> AddAsync(Activity activity, string owner, DateTimeOffset now, DateTimeOffset leasedUntil, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RelaxCommitAsync(connection, cancellationToken);
        await using var command = connection.Sql(
            """
            INSERT INTO connector_inbox (conversation_id, activity, received_at, owner, leased_until)
            VALUES (@conversation, @activity, @now, @owner, @until) RETURNING id
            """,
            ("conversation", activity.Conversation?.Id ?? ""), ("activity", ChannelJson.Serialize(activity)), ("now", now), ("owner", owner), ("until", leasedUntil));
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The turn has run: the entry goes.</summary>
    public async Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RelaxCommitAsync(connection, cancellationToken);
        await connection.RunAsync("DELETE FROM connector_inbox WHERE id = @id", cancellationToken, ("id", id));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Leases to <paramref name="owner"/> up to <paramref name="max"/> entries whose lease has run out,
    /// oldest first, counting the attempt. Hosts sharing the database never take the same entry at once.
    /// </summary>
    public async Task<IReadOnlyList<InboxEntry>> TakeOverAsync(string owner, DateTimeOffset now, DateTimeOffset leasedUntil, int max, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"""
            UPDATE connector_inbox SET owner = @owner, leased_until = @until, attempts = attempts + 1
            WHERE id IN (SELECT id FROM connector_inbox WHERE leased_until < @now ORDER BY id LIMIT @max{_database.ForUpdateSkipLocked})
            RETURNING id, activity, attempts, replies, sent
            """,
            ("owner", owner), ("until", leasedUntil), ("now", now), ("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<InboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new InboxEntry(reader.GetNumber(0), Readable(reader.GetString(1)), (int)reader.GetNumber(2))
            {
                Replies = reader.IsDBNull(3) ? null : ReadableReplies(reader.GetString(3)),
                Sent = (int)reader.GetNumber(4),
            });
        }

        return [.. entries.OrderBy(entry => entry.Id)];
    }

    /// <summary>
    /// The turn has run but the channel did not take all its replies: they wait here, with how many
    /// were sent, until <paramref name="retryAt"/>, when any host sends the rest.
    /// </summary>
    public async Task PostponeAsync(long id, IReadOnlyList<Activity> replies, int sent, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            "UPDATE connector_inbox SET replies = @replies, sent = @sent, leased_until = @until WHERE id = @id",
            cancellationToken,
            ("id", id), ("replies", ChannelJson.Serialize(replies)), ("sent", sent), ("until", retryAt));
    }

    /// <summary>A host stopping gives its entries back, so another host (or its own next start) takes them at once.</summary>
    public async Task ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync("UPDATE connector_inbox SET leased_until = @now WHERE owner = @owner", cancellationToken, ("owner", owner), ("now", now.AddTicks(-1)));
    }

    private static IReadOnlyList<Activity>? ReadableReplies(string json)
    {
        try
        {
            return ChannelJson.DeserializeList(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static Activity? Readable(string json)
    {
        try
        {
            return ChannelJson.Deserialize(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// On PostgreSQL an inbox write does not wait for the disk: the entry only has to outlive this host,
    /// not the database server, and the server keeps it unless it crashes within a fraction of a
    /// second. That spares every turn two flushes. SQLite's commits already skip the flush (WAL, NORMAL).
    /// </summary>
    private async Task RelaxCommitAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_database.Kind == DatabaseKind.PostgreSql) await connection.RunAsync("SET LOCAL synchronous_commit = off", cancellationToken);
    }
}

/// <summary>One accepted activity (null when what was stored can no longer be read as one), and, once its
/// turn has run but the channel did not take every reply, those replies and how many were sent.</summary>
public sealed record InboxEntry(long Id, Activity? Activity, int Attempts)
{
    public IReadOnlyList<Activity>? Replies { get; init; }

    public int Sent { get; init; }
}
