using System.Globalization;
using System.Text.Json;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Channels.Storage;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Triage.Storage;

/// <summary>
/// The embedded store: one SQLite file (WAL, so readers never wait for the writer). Optimistic
/// concurrency is a version column checked in the UPDATE; case numbers come from the table's own
/// sequence inside the same write transaction, so references are gap-free per commit and unique.
/// </summary>
public sealed class SqliteTriageStore : ITriageStore
{
    private readonly SqliteDatabase _database;

    public SqliteTriageStore(SqliteDatabase database)
    {
        _database = database;
        database.Migrate("triage", ["""
            CREATE TABLE IF NOT EXISTS conversations (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                stage TEXT NOT NULL,
                outcome TEXT NOT NULL,
                handoff_reason TEXT NULL,
                state TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS conversations_by_outcome ON conversations (outcome, updated_at);
            CREATE TABLE IF NOT EXISTS processed_activities (
                conversation_id TEXT NOT NULL,
                activity_id TEXT NOT NULL,
                PRIMARY KEY (conversation_id, activity_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS cases (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL UNIQUE,
                conversation_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at TEXT NOT NULL,
                document TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS cases_by_conversation ON cases (conversation_id);
            """,
            """
            ALTER TABLE cases ADD COLUMN queue TEXT NULL;
            ALTER TABLE cases ADD COLUMN priority_level TEXT NULL;
            ALTER TABLE cases ADD COLUMN priority_score REAL NULL;
            ALTER TABLE cases ADD COLUMN first_response_due TEXT NULL;
            CREATE INDEX cases_by_queue ON cases (queue, status);
            """]);
    }

    public async Task<StoredConversation?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, state FROM conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var state = JsonSerializer.Deserialize(reader.GetString(1), TriageJsonContext.Default.TriageState)
            ?? throw new InvalidDataException($"Conversation {conversationId} has an empty stored state.");
        return new StoredConversation(conversationId, reader.GetInt64(0), state);
    }

    public async Task<bool> WasProcessedAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM processed_activities WHERE conversation_id = $c AND activity_id = $a";
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$a", activityId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<CommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        if (commit.ActivityId is not null && !await RememberActivityAsync(connection, commit, cancellationToken))
        {
            return new CommitResult(CommitStatus.Duplicate);
        }

        var state = commit.State;
        string? reference = null;
        if (commit.NewCase is not null)
        {
            (reference, state) = await InsertCaseAsync(connection, commit, cancellationToken);
        }
        else if (commit.CaseNote is not null && state.CaseReference is not null)
        {
            await AddCaseNoteAsync(connection, state.CaseReference, new TranscriptEntry("user", commit.CaseNote, commit.At), cancellationToken);
        }

        var version = commit.ExpectedVersion + 1;
        if (!await SaveStateAsync(connection, commit, state, version, cancellationToken))
        {
            return new CommitResult(CommitStatus.Conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CommitResult(CommitStatus.Saved, reference, version);
    }

    public async Task<StoredCase?> FindCaseAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        return await ReadCaseAsync(connection, reference, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountWaitingByQueueAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT queue, COUNT(*) FROM cases WHERE queue IS NOT NULL AND status IN ('new', 'queued') GROUP BY queue";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    public async Task<int> MarkAbandonedAsync(DateTimeOffset inactiveSince, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE conversations SET outcome = $abandoned WHERE outcome = $open AND updated_at < $since";
        command.Parameters.AddWithValue("$abandoned", nameof(ConversationOutcome.Abandoned));
        command.Parameters.AddWithValue("$open", nameof(ConversationOutcome.Open));
        command.Parameters.AddWithValue("$since", Timestamp(inactiveSince));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> RememberActivityAsync(SqliteConnection connection, TurnCommit commit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO processed_activities (conversation_id, activity_id) VALUES ($c, $a)";
        command.Parameters.AddWithValue("$c", commit.ConversationId);
        command.Parameters.AddWithValue("$a", commit.ActivityId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<(string Reference, TriageState State)> InsertCaseAsync(SqliteConnection connection, TurnCommit commit, CancellationToken cancellationToken)
    {
        await using var next = connection.CreateCommand();
        next.CommandText = "SELECT COALESCE(MAX(number), 0) + 1 FROM cases";
        var number = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        var reference = CaseReference.Format(number);
        var state = commit.State.WithCaseReference(reference);

        var plan = commit.Plan;
        var document = new StoredCase
        {
            Reference = reference,
            ConversationId = commit.ConversationId,
            UserId = commit.UserId,
            CreatedAt = commit.At,
            Status = plan is null ? "new" : "queued",
            Details = commit.NewCase!,
            Plan = plan,
            Transcript = state.Transcript,
        };

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO cases (number, reference, conversation_id, user_id, status, created_at, document, queue, priority_level, priority_score, first_response_due)
            VALUES ($number, $reference, $conversation, $user, $status, $at, $document, $queue, $level, $score, $due)
            """;
        insert.Parameters.AddWithValue("$queue", (object?)plan?.QueueId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$level", (object?)plan?.Priority.Level.ToString() ?? DBNull.Value);
        insert.Parameters.AddWithValue("$score", (object?)plan?.Priority.Score ?? DBNull.Value);
        insert.Parameters.AddWithValue("$due", plan?.FirstResponseDue is { } due ? Timestamp(due) : DBNull.Value);
        insert.Parameters.AddWithValue("$number", number);
        insert.Parameters.AddWithValue("$reference", reference);
        insert.Parameters.AddWithValue("$conversation", commit.ConversationId);
        insert.Parameters.AddWithValue("$user", commit.UserId);
        insert.Parameters.AddWithValue("$status", document.Status);
        insert.Parameters.AddWithValue("$at", Timestamp(commit.At));
        insert.Parameters.AddWithValue("$document", JsonSerializer.Serialize(document, TriageJsonContext.Default.StoredCase));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return (reference, state);
    }

    private static async Task AddCaseNoteAsync(SqliteConnection connection, string reference, TranscriptEntry note, CancellationToken cancellationToken)
    {
        var stored = await ReadCaseAsync(connection, reference, cancellationToken);
        if (stored is null) return;
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE cases SET document = $document WHERE reference = $reference";
        update.Parameters.AddWithValue("$reference", reference);
        update.Parameters.AddWithValue("$document", JsonSerializer.Serialize(stored with { CustomerNotes = [.. stored.CustomerNotes, note] }, TriageJsonContext.Default.StoredCase));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<StoredCase?> ReadCaseAsync(SqliteConnection connection, string reference, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM cases WHERE reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize(json, TriageJsonContext.Default.StoredCase)
            : null;
    }

    private static async Task<bool> SaveStateAsync(SqliteConnection connection, TurnCommit commit, TriageState state, long version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = commit.ExpectedVersion == 0
            ? """
              INSERT OR IGNORE INTO conversations (id, user_id, version, stage, outcome, handoff_reason, state, created_at, updated_at)
              VALUES ($id, $user, $version, $stage, $outcome, $handoff, $state, $at, $at)
              """
            : """
              UPDATE conversations SET version = $version, stage = $stage, outcome = $outcome, handoff_reason = $handoff,
                  state = $state, updated_at = $at
              WHERE id = $id AND version = $expected
              """;
        command.Parameters.AddWithValue("$id", commit.ConversationId);
        command.Parameters.AddWithValue("$user", commit.UserId);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$expected", commit.ExpectedVersion);
        command.Parameters.AddWithValue("$stage", state.Stage.ToString());
        command.Parameters.AddWithValue("$outcome", state.Outcome.ToString());
        command.Parameters.AddWithValue("$handoff", (object?)state.Handoff?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$state", JsonSerializer.Serialize(state, TriageJsonContext.Default.TriageState));
        command.Parameters.AddWithValue("$at", Timestamp(commit.At));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private SqliteConnection Open() => _database.Open();

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
