using System.Globalization;
using System.Text.Json;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Outbox;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Triage.Storage;

/// <summary>Cases: creation with the next reference, the timeline, reading one back, finding an open one to join.</summary>
public sealed partial class SqliteTriageStore
{
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
            Work = plan is null ? new CaseState(CaseStatus.New, "", null, 0, [], null, null, null, 0) : CaseState.Queued(plan.QueueId),
            Details = commit.NewCase!,
            Plan = plan,
            Transcript = state.Transcript,
        };

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO cases (number, reference, conversation_id, user_id, status, created_at, document, queue, priority_level, priority_score, first_response_due, intent, account_id, email)
            VALUES ($number, $reference, $conversation, $user, $status, $at, $document, $queue, $level, $score, $due, $intent, $account, $email)
            """;
        insert.Parameters.AddWithValue("$intent", (object?)document.Details.Intent?.Label ?? DBNull.Value);
        insert.Parameters.AddWithValue("$account", (object?)document.Details.Facts.AccountId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$email", (object?)document.Details.Facts.Email ?? DBNull.Value);
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
        var summary = plan is null ? "created" : string.Create(CultureInfo.InvariantCulture, $"queued in {plan.QueueName}, priority {plan.Priority.Level} ({plan.Priority.Score})");
        await AddEventAsync(connection, reference, new CaseEvent(commit.At, CaseEventKinds.Created, "bot", summary), cancellationToken);
        await AddOutboxEventAsync(connection, OutboxEventKinds.CaseCreated, reference, commit.At, cancellationToken);
        return (reference, state);
    }

    private static async Task AddEventAsync(SqliteConnection connection, string reference, CaseEvent entry, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO case_events (reference, at, kind, actor, text) VALUES ($reference, $at, $kind, $actor, $text)";
        insert.Parameters.AddWithValue("$reference", reference);
        insert.Parameters.AddWithValue("$at", Timestamp(entry.At));
        insert.Parameters.AddWithValue("$kind", entry.Kind);
        insert.Parameters.AddWithValue("$actor", entry.Actor);
        insert.Parameters.AddWithValue("$text", (object?)entry.Text ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<StoredCase?> ReadCaseAsync(SqliteConnection connection, string reference, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM cases WHERE reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        StoredCase? stored;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            stored = JsonSerializer.Deserialize(reader.GetString(0), TriageJsonContext.Default.StoredCase)!;
        }

        await using var events = connection.CreateCommand();
        events.CommandText = "SELECT at, kind, actor, text FROM case_events WHERE reference = $reference ORDER BY id";
        events.Parameters.AddWithValue("$reference", reference);
        await using var rows = await events.ExecuteReaderAsync(cancellationToken);
        var timeline = new List<CaseEvent>();
        while (await rows.ReadAsync(cancellationToken)) timeline.Add(ReadTimelineEntry(rows, 0));

        return stored with { Timeline = timeline };
    }

    /// <summary>A timeline entry from the columns at, kind, actor, text starting at <paramref name="first"/>.</summary>
    private static CaseEvent ReadTimelineEntry(SqliteDataReader rows, int first) =>
        new(DateTimeOffset.Parse(rows.GetString(first), CultureInfo.InvariantCulture), rows.GetString(first + 1), rows.GetString(first + 2), rows.IsDBNull(first + 3) ? null : rows.GetString(first + 3));

    /// <summary>The newest open case of this customer on this intent: same account, same email, or same chat user.</summary>
    public async Task<string?> FindOpenCaseAsync(string intent, string? accountId, string? email, string userId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reference FROM cases
            WHERE status NOT IN ('resolved', 'closed') AND intent = $intent
              AND ((account_id IS NOT NULL AND account_id = $account) OR (email IS NOT NULL AND email = $email COLLATE NOCASE) OR user_id = $user)
            ORDER BY number DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$intent", intent);
        command.Parameters.AddWithValue("$account", (object?)accountId ?? DBNull.Value);
        command.Parameters.AddWithValue("$email", (object?)email ?? DBNull.Value);
        command.Parameters.AddWithValue("$user", userId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task RateAsync(SqliteConnection connection, CaseRating rating, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE cases SET csat = $stars WHERE reference = $reference";
        update.Parameters.AddWithValue("$stars", rating.Stars);
        update.Parameters.AddWithValue("$reference", rating.Reference);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await AddEventAsync(connection, rating.Reference, new CaseEvent(at, CaseEventKinds.Rated, "customer", rating.Stars.ToString(CultureInfo.InvariantCulture)), cancellationToken);
    }
}
