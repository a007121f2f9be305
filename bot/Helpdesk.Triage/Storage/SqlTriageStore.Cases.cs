using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.Triage.Storage;

/// <summary>Cases: creation with the next reference, the timeline, reading one back, finding an open one to join.</summary>
public sealed partial class SqlTriageStore
{
    private async Task<(string Reference, TriageState State)> InsertCaseAsync(DbConnection connection, TurnCommit commit, CancellationToken cancellationToken)
    {
        // SQLite's single writer makes MAX + 1 safe and gap-free; concurrent PostgreSQL writers take
        // numbers from a sequence (a rolled-back handoff leaves a gap, never a duplicate).
        await using var next = connection.Sql(_database.Kind == DatabaseKind.PostgreSql ? "SELECT nextval('case_numbers')" : "SELECT COALESCE(MAX(number), 0) + 1 FROM cases");
        var number = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var reference = CaseReference.Format(number);
        var state = commit.State.WithCaseReference(reference);

        var plan = commit.Plan;
        var document = new StoredCase
        {
            Reference = reference,
            ConversationId = commit.ConversationId,
            UserId = commit.UserId,
            CreatedAt = commit.At,
            Work = (plan is null ? new CaseState(CaseStatus.New, "", null, 0, [], null, null, null, 0) : CaseState.Queued(plan.QueueId))
                with { Tags = CaseTags.Initial(commit.NewCase!, plan) },
            Details = commit.NewCase!,
            Plan = plan,
            Transcript = state.Transcript,
            Escalations = plan?.Escalation ?? [],
        };

        await connection.RunAsync(
            """
            INSERT INTO cases (number, reference, conversation_id, user_id, status, created_at, document, queue, priority_level, priority_score, first_response_due, intent, account_id, email, escalated_at)
            VALUES (@number, @reference, @conversation, @user, @status, @at, @document, @queue, @level, @score, @due, @intent, @account, @email, @escalated)
            """,
            cancellationToken,
            ("number", number),
            ("reference", reference),
            ("conversation", commit.ConversationId),
            ("user", commit.UserId),
            ("status", document.Status),
            ("at", commit.At),
            ("document", JsonSerializer.Serialize(document, TriageJsonContext.Default.StoredCase)),
            ("queue", plan?.QueueId),
            ("level", plan?.Priority.Level.ToString()),
            ("score", plan?.Priority.Score),
            ("due", plan?.FirstResponseDue),
            ("intent", document.Details.Intent?.Label),
            ("account", document.Details.Facts.AccountId),
            ("email", document.Details.Facts.Email),
            ("escalated", document.Escalations.Count > 0 ? commit.At : (DateTimeOffset?)null));
        var summary = plan is null ? "created" : string.Create(CultureInfo.InvariantCulture, $"queued in {plan.QueueName}, priority {plan.Priority.Level} ({plan.Priority.Score})");
        await AddEventAsync(connection, reference, new CaseEvent(commit.At, CaseEventKinds.Created, "bot", summary), cancellationToken);
        if (document.Escalations.Count > 0)
        {
            await AddEventAsync(connection, reference, new CaseEvent(commit.At, CaseEventKinds.Escalated, "system", "to supervisors: " + string.Join("; ", document.Escalations)), cancellationToken);
        }

        await AddOutboxEventAsync(connection, OutboxEventKinds.CaseCreated, reference, commit.At, cancellationToken);
        if (document.Escalations.Count > 0) await AddOutboxEventAsync(connection, OutboxEventKinds.CaseEscalated, reference, commit.At, cancellationToken);
        return (reference, state);
    }

    /// <summary>The customer came back in another conversation and joined their open case: that
    /// conversation is now where agents' replies and the handoff event go.</summary>
    private async Task MoveCaseToAsync(DbConnection connection, string reference, TurnCommit commit, CancellationToken cancellationToken)
    {
        var stored = await ReadCaseAsync(connection, reference, cancellationToken, _database.ForUpdate)
            ?? throw new InvalidOperationException($"Case {reference} to join does not exist.");
        var moved = stored with
        {
            ConversationId = commit.ConversationId,
            UserId = commit.UserId,
            Details = stored.Details with { ActivityId = commit.NewCase!.ActivityId },
        };
        await connection.RunAsync(
            "UPDATE cases SET conversation_id = @conversation, user_id = @user, document = @document WHERE reference = @reference",
            cancellationToken,
            ("conversation", commit.ConversationId), ("user", commit.UserId), ("reference", reference),
            ("document", JsonSerializer.Serialize(moved, TriageJsonContext.Default.StoredCase)));
    }

    private static async Task AddEventAsync(DbConnection connection, string reference, CaseEvent entry, CancellationToken cancellationToken) =>
        await connection.RunAsync(
            "INSERT INTO case_events (reference, at, kind, actor, text) VALUES (@reference, @at, @kind, @actor, @text)",
            cancellationToken,
            ("reference", reference), ("at", entry.At), ("kind", entry.Kind), ("actor", entry.Actor), ("text", entry.Text));

    /// <param name="lockRow">Appended to the SELECT of the case row: <see cref="SqlDatabase.ForUpdate"/> when the caller is about to change it.</param>
    private static async Task<StoredCase?> ReadCaseAsync(DbConnection connection, string reference, CancellationToken cancellationToken, string lockRow = "")
    {
        StoredCase? stored;
        await using (var command = connection.Sql("SELECT document FROM cases WHERE reference = @reference" + lockRow, ("reference", reference)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            stored = JsonSerializer.Deserialize(reader.GetString(0), TriageJsonContext.Default.StoredCase)!;
        }

        await using var events = connection.Sql("SELECT at, kind, actor, text FROM case_events WHERE reference = @reference ORDER BY id", ("reference", reference));
        await using var rows = await events.ExecuteReaderAsync(cancellationToken);
        var timeline = new List<CaseEvent>();
        while (await rows.ReadAsync(cancellationToken)) timeline.Add(ReadTimelineEntry(rows, 0));

        return stored with { Timeline = timeline };
    }

    /// <summary>A timeline entry from the columns at, kind, actor, text starting at <paramref name="first"/>.</summary>
    private static CaseEvent ReadTimelineEntry(DbDataReader rows, int first) =>
        new(rows.GetTimestamp(first), rows.GetString(first + 1), rows.GetString(first + 2), rows.GetNullableString(first + 3));

    /// <summary>The newest open case of this customer on this intent: same account, same email, or same chat user.</summary>
    public async Task<string?> FindOpenCaseAsync(string intent, string? accountId, string? email, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT reference FROM cases
            WHERE status NOT IN ('resolved', 'closed') AND intent = @intent
              AND ((account_id IS NOT NULL AND account_id = CAST(@account AS TEXT))
                OR (email IS NOT NULL AND lower(email) = lower(CAST(@email AS TEXT)))
                OR user_id = @user)
            ORDER BY number DESC LIMIT 1
            """,
            ("intent", intent), ("account", accountId), ("email", email), ("user", userId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task RateAsync(DbConnection connection, CaseRating rating, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await connection.RunAsync("UPDATE cases SET csat = @stars WHERE reference = @reference", cancellationToken, ("stars", rating.Stars), ("reference", rating.Reference));
        await AddEventAsync(connection, rating.Reference, new CaseEvent(at, CaseEventKinds.Rated, "customer", rating.Stars.ToString(CultureInfo.InvariantCulture)), cancellationToken);
    }
}
