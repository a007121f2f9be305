using System.Data.Common;
using System.Text.Json;
using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.Triage.Storage;

/// <summary>
/// Conversations, cases and the outbox in one relational database: the embedded SQLite file or a
/// shared PostgreSQL server. Optimistic concurrency is a version column checked in the UPDATE; a
/// re-delivered activity is caught by the primary key of the processed-activities table inside the
/// same transaction, so two instances racing on one activity write it once.
/// </summary>
public sealed partial class SqlTriageStore : ITriageStore
{
    private readonly SqlDatabase _database;

    public SqlTriageStore(SqlDatabase database)
    {
        _database = database;
        database.Migrate("triage", Schema);
    }

    public async Task<StoredConversation?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT version, state FROM conversations WHERE id = @id", ("id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var state = JsonSerializer.Deserialize(reader.GetString(1), TriageJsonContext.Default.TriageState)
            ?? throw new InvalidDataException($"Conversation {conversationId} has an empty stored state.");
        return new StoredConversation(conversationId, reader.GetNumber(0), state);
    }

    public async Task<bool> WasProcessedAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT 1 FROM processed_activities WHERE conversation_id = @c AND activity_id = @a", ("c", conversationId), ("a", activityId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<CommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

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
            await MoveCaseToAsync(connection, joined, commit, cancellationToken);
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
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCaseAsync(connection, reference, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, int>> CountWaitingByQueueAsync(CancellationToken cancellationToken) =>
        CountAsync("SELECT queue, COUNT(*) FROM cases WHERE queue IS NOT NULL AND status IN ('new', 'queued') GROUP BY queue", cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> CountOpenByOwnerAsync(CancellationToken cancellationToken) =>
        CountAsync("SELECT owner, COUNT(*) FROM cases WHERE owner IS NOT NULL AND status NOT IN ('resolved', 'closed') GROUP BY owner", cancellationToken);

    public async Task<int> MarkAbandonedAsync(DateTimeOffset inactiveSince, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.RunAsync(
            "UPDATE conversations SET outcome = @abandoned WHERE outcome = @open AND updated_at < @since",
            cancellationToken,
            ("abandoned", nameof(ConversationOutcome.Abandoned)), ("open", nameof(ConversationOutcome.Open)), ("since", inactiveSince));
    }

    private static async Task<bool> RememberActivityAsync(DbConnection connection, TurnCommit commit, CancellationToken cancellationToken) =>
        await connection.RunAsync(
            "INSERT INTO processed_activities (conversation_id, activity_id) VALUES (@c, @a) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("c", commit.ConversationId), ("a", commit.ActivityId)) == 1;

    private static async Task<bool> SaveStateAsync(DbConnection connection, TurnCommit commit, TriageState state, long version, CancellationToken cancellationToken)
    {
        var sql = commit.ExpectedVersion == 0
            ? """
              INSERT INTO conversations (id, user_id, version, stage, outcome, handoff_reason, state, created_at, updated_at)
              VALUES (@id, @user, @version, @stage, @outcome, @handoff, @state, @at, @at)
              ON CONFLICT DO NOTHING
              """
            : """
              UPDATE conversations SET version = @version, stage = @stage, outcome = @outcome, handoff_reason = @handoff,
                  state = @state, updated_at = @at
              WHERE id = @id AND version = @expected
              """;
        (string, object?)[] parameters =
        [
            ("id", commit.ConversationId),
            ("version", version),
            ("stage", state.Stage.ToString()),
            ("outcome", state.Outcome.ToString()),
            ("handoff", state.Handoff?.ToString()),
            ("state", JsonSerializer.Serialize(state, TriageJsonContext.Default.TriageState)),
            ("at", commit.At),
            commit.ExpectedVersion == 0 ? ("user", commit.UserId) : ("expected", commit.ExpectedVersion),
        ];
        return await connection.RunAsync(sql, cancellationToken, parameters) == 1;
    }

    /// <summary>Runs a <c>SELECT key, COUNT(*) … GROUP BY key</c>.</summary>
    private async Task<IReadOnlyDictionary<string, int>> CountAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = (int)reader.GetNumber(1);
        return counts;
    }

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);
}
