using System.Globalization;
using System.Text.Json;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Outbox;
using Helpdesk.Channels.Storage;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Triage.Storage;

/// <summary>
/// The embedded store: one SQLite file (WAL, so readers never wait for the writer). Optimistic
/// concurrency is a version column checked in the UPDATE; case numbers come from the table's own
/// sequence inside the same write transaction, so references are gap-free per commit and unique.
/// </summary>
public sealed partial class SqliteTriageStore : ITriageStore
{
    private readonly SqliteDatabase _database;

    public SqliteTriageStore(SqliteDatabase database)
    {
        _database = database;
        database.Migrate("triage", Schema);
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
        if (commit.NewCase is not null && commit.JoinReference is { } joined)
        {
            reference = joined;
            state = state.WithCaseReference(joined);
            await AddEventAsync(connection, joined, new CaseEvent(commit.At, CaseEventKinds.HandedOffAgain, "bot", $"{commit.NewCase.Reason}: {commit.NewCase.Problem}"), cancellationToken);
            await AddOutboxEventAsync(connection, OutboxEventKinds.CaseUpdated, joined, commit.At, cancellationToken);
        }
        else if (commit.NewCase is not null)
        {
            (reference, state) = await InsertCaseAsync(connection, commit, cancellationToken);
        }
        else if (commit.Rating is { } rating)
        {
            await RateAsync(connection, rating, commit.At, cancellationToken);
        }
        else if (commit.CaseNote is not null && state.CaseReference is not null)
        {
            await AddEventAsync(connection, state.CaseReference, new CaseEvent(commit.At, CaseEventKinds.CustomerMessage, "customer", commit.CaseNote), cancellationToken);
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
