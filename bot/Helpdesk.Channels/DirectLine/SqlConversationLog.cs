using System.Data.Common;
using System.Globalization;
using Helpdesk.Channels.Schema;
using Helpdesk.Channels.Storage;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// The conversation log in the host's database. Sequence numbers are assigned inside a write
/// transaction that holds the conversation's row (SQLite's single writer; a row lock on PostgreSQL),
/// so concurrent appends never share a number; timestamps are forced to increase by at least a
/// millisecond, because Web Chat orders activities by timestamp.
/// </summary>
public sealed class SqlConversationLog : IConversationLog
{
    private static readonly SchemaSteps Schema = new(
        Sqlite:
        [
            """
            CREATE TABLE IF NOT EXISTS directline_conversations (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                last_sequence INTEGER NOT NULL DEFAULT 0,
                last_timestamp TEXT NULL);
            CREATE TABLE IF NOT EXISTS directline_activities (
                conversation_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                client_key TEXT NULL,
                activity TEXT NOT NULL,
                PRIMARY KEY (conversation_id, sequence)) WITHOUT ROWID;
            CREATE UNIQUE INDEX IF NOT EXISTS directline_activities_by_client_key
                ON directline_activities (conversation_id, client_key) WHERE client_key IS NOT NULL;
            """,
        ],
        PostgreSql:
        [
            """
            CREATE TABLE directline_conversations (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                last_sequence BIGINT NOT NULL DEFAULT 0,
                last_timestamp TIMESTAMPTZ NULL);
            CREATE TABLE directline_activities (
                conversation_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                client_key TEXT NULL,
                activity TEXT NOT NULL,
                PRIMARY KEY (conversation_id, sequence));
            CREATE UNIQUE INDEX directline_activities_by_client_key
                ON directline_activities (conversation_id, client_key) WHERE client_key IS NOT NULL;
            """,
        ]);

    /// <summary>The PostgreSQL notification channel that names each conversation something was appended to.</summary>
    public const string AppendedChannel = "directline_appended";

    private readonly SqlDatabase _database;
    private readonly TimeProvider _time;

    public SqlConversationLog(SqlDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        database.Migrate("directline", Schema);
    }

    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.RunAsync(
            "INSERT INTO directline_conversations (id, user_id, created_at) VALUES (@id, @user, @at) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("id", conversationId), ("user", userId), ("at", _time.GetUtcNow())) == 1;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT 1 FROM directline_conversations WHERE id = @id", ("id", conversationId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<LoggedActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, string? clientKey, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The conversation's row first: it is what serialises appends, so the duplicate check after it sees every earlier append.
        var (sequence, last) = await PositionAsync(connection, conversationId, cancellationToken);
        if (clientKey is not null && await FindByClientKeyAsync(connection, conversationId, clientKey, cancellationToken) is { } recorded)
        {
            return [recorded with { WasDuplicate = true }];
        }

        var logged = new List<LoggedActivity>(activities.Count);
        foreach (var activity in activities)
        {
            sequence++;
            var now = _time.GetUtcNow();
            last = last is { } previous && now <= previous ? previous.AddMilliseconds(1) : now;
            var stamped = activity with
            {
                Id = $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}",
                Timestamp = last,
                Conversation = activity.Conversation is { } conversation ? conversation with { Id = conversationId } : new ConversationAccount { Id = conversationId },
                ChannelId = "directline",
            };
            await connection.RunAsync(
                "INSERT INTO directline_activities (conversation_id, sequence, client_key, activity) VALUES (@id, @sequence, @key, @activity)",
                cancellationToken,
                ("id", conversationId), ("sequence", sequence), ("key", logged.Count == 0 ? clientKey : null), ("activity", ChannelJson.Serialize(stamped)));
            logged.Add(new LoggedActivity(sequence, stamped));
        }

        await connection.RunAsync(
            "UPDATE directline_conversations SET last_sequence = @sequence, last_timestamp = @timestamp WHERE id = @id",
            cancellationToken,
            ("id", conversationId), ("sequence", sequence), ("timestamp", last));
        if (_database.Kind == DatabaseKind.PostgreSql)
        {
            // Delivered at commit to every host listening, so a stream open on another host wakes up.
            await connection.RunAsync("SELECT pg_notify(@channel, @conversation)", cancellationToken, ("channel", AppendedChannel), ("conversation", conversationId));
        }

        await transaction.CommitAsync(cancellationToken);
        return logged;
    }

    public async Task<IReadOnlyList<LoggedActivity>> ReadAsync(string conversationId, long? watermark, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT sequence, activity FROM directline_activities WHERE conversation_id = @id AND sequence > @after ORDER BY sequence LIMIT @max",
            ("id", conversationId), ("after", watermark ?? 0), ("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var activities = new List<LoggedActivity>();
        while (await reader.ReadAsync(cancellationToken)) activities.Add(Read(reader));
        return activities;
    }

    private async Task<(long Sequence, DateTimeOffset? Last)> PositionAsync(DbConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            "SELECT last_sequence, last_timestamp FROM directline_conversations WHERE id = @id" + _database.ForUpdate, ("id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
        return (reader.GetNumber(0), reader.IsDBNull(1) ? null : reader.GetTimestamp(1));
    }

    private static async Task<LoggedActivity?> FindByClientKeyAsync(DbConnection connection, string conversationId, string clientKey, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            "SELECT sequence, activity FROM directline_activities WHERE conversation_id = @id AND client_key = @key", ("id", conversationId), ("key", clientKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static LoggedActivity Read(DbDataReader reader) => new(reader.GetNumber(0), ChannelJson.Deserialize(reader.GetString(1))!);
}
