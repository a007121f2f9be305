using System.Globalization;
using Helpdesk.Channels.Schema;
using Helpdesk.Channels.Storage;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// The conversation log in the embedded SQLite database. Sequence numbers are assigned inside an
/// immediate write transaction, so concurrent appends never share a number; timestamps are forced
/// to increase by at least a millisecond, because Web Chat orders activities by timestamp.
/// </summary>
public sealed class SqliteConversationLog : IConversationLog
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteConversationLog(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        database.Migrate("directline", ["""
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
            """]);
    }

    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO directline_conversations (id, user_id, created_at) VALUES ($id, $user, $at)";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM directline_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<LoggedActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, string? clientKey, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        if (clientKey is not null && await FindByClientKeyAsync(connection, conversationId, clientKey, cancellationToken) is { } recorded)
        {
            return [recorded with { WasDuplicate = true }];
        }

        var (sequence, last) = await PositionAsync(connection, conversationId, cancellationToken);
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
            await InsertAsync(connection, conversationId, sequence, logged.Count == 0 ? clientKey : null, stamped, cancellationToken);
            logged.Add(new LoggedActivity(sequence, stamped));
        }

        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE directline_conversations SET last_sequence = $sequence, last_timestamp = $timestamp WHERE id = $id";
        update.Parameters.AddWithValue("$id", conversationId);
        update.Parameters.AddWithValue("$sequence", sequence);
        update.Parameters.AddWithValue("$timestamp", last?.ToString("O", CultureInfo.InvariantCulture) ?? (object)DBNull.Value);
        await update.ExecuteNonQueryAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return logged;
    }

    public async Task<IReadOnlyList<LoggedActivity>> ReadAsync(string conversationId, long? watermark, int max, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, activity FROM directline_activities WHERE conversation_id = $id AND sequence > $after ORDER BY sequence LIMIT $max";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", watermark ?? 0);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var activities = new List<LoggedActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            activities.Add(new LoggedActivity(reader.GetInt64(0), ChannelJson.Deserialize(reader.GetString(1))!));
        }

        return activities;
    }

    private static async Task<(long Sequence, DateTimeOffset? Last)> PositionAsync(SqliteConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_sequence, last_timestamp FROM directline_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    private static async Task<LoggedActivity?> FindByClientKeyAsync(SqliteConnection connection, string conversationId, string clientKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, activity FROM directline_activities WHERE conversation_id = $id AND client_key = $key";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$key", clientKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new LoggedActivity(reader.GetInt64(0), ChannelJson.Deserialize(reader.GetString(1))!) : null;
    }

    private static async Task InsertAsync(SqliteConnection connection, string conversationId, long sequence, string? clientKey, Activity activity, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO directline_activities (conversation_id, sequence, client_key, activity) VALUES ($id, $sequence, $key, $activity)";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$sequence", sequence);
        command.Parameters.AddWithValue("$key", (object?)clientKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$activity", ChannelJson.Serialize(activity));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteConnection Open() => _database.Open();
}
