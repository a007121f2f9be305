using System.Data.Common;
using System.Text.Json;
using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.Triage.Storage;

/// <summary>Agents' side of cases: listing work in priority order, taking the next case, and applying actions.</summary>
public sealed partial class SqlTriageStore : ICaseStore
{
    /// <summary>Most urgent first: priority level, then score, then the earliest first-response due time, then age.</summary>
    private const string WorkOrder = """
        ORDER BY CASE priority_level WHEN 'Critical' THEN 0 WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 ELSE 3 END,
                 priority_score DESC, first_response_due, number
        """;

    public async Task<IReadOnlyList<StoredCase>> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string>
        {
            query.Filter switch
            {
                CaseListFilter.Open or CaseListFilter.Mine => "status NOT IN ('resolved', 'closed')",
                CaseListFilter.Escalated => "status NOT IN ('resolved', 'closed') AND escalated_at IS NOT NULL",
                CaseListFilter.Resolved => "status IN ('resolved', 'closed')",
                _ => "1 = 1",
            },
        };
        var parameters = new List<(string, object?)> { ("limit", query.Limit) };
        if (query.Filter == CaseListFilter.Mine)
        {
            conditions.Add("owner = @agent");
            parameters.Add(("agent", query.Agent));
        }

        if (query.Queue is not null)
        {
            conditions.Add("queue = @queue");
            parameters.Add(("queue", query.Queue));
        }

        // Two queries whatever the number of cases: the documents in work order, then their timelines.
        var selected = $"SELECT number, reference, document FROM cases WHERE {string.Join(" AND ", conditions)} {WorkOrder} LIMIT @limit";
        await using var connection = await OpenAsync(cancellationToken);
        var cases = new List<StoredCase>();
        await using (var command = connection.Sql(selected, [.. parameters]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) cases.Add(JsonSerializer.Deserialize(reader.GetString(2), TriageJsonContext.Default.StoredCase)!);
        }

        if (cases.Count == 0) return cases;
        var timelines = new Dictionary<string, List<CaseEvent>>(StringComparer.Ordinal);
        await using (var command = connection.Sql($"SELECT e.reference, e.at, e.kind, e.actor, e.text FROM case_events e JOIN ({selected}) c ON c.reference = e.reference ORDER BY e.id", [.. parameters]))
        await using (var rows = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                var reference = rows.GetString(0);
                if (!timelines.TryGetValue(reference, out var timeline)) timelines[reference] = timeline = [];
                timeline.Add(ReadTimelineEntry(rows, 1));
            }
        }

        return [.. cases.Select(c => c with { Timeline = timelines.GetValueOrDefault(c.Reference) ?? [] })];
    }

    public async Task<CaseActionResult> ActAsync(string reference, CaseAction action, DateTimeOffset now, IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await ApplyAsync(connection, reference, action, now, queues, cancellationToken);
        if (result.Decision.Accepted) await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<CaseActionResult?> ClaimNextAsync(string agent, IReadOnlyCollection<string> fromQueues, DateTimeOffset now, IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        if (fromQueues.Count == 0) return null;
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Agents asking at the same moment each get a different case: a row another transaction has
        // locked is skipped rather than waited for (SQLite's single writer gets there by taking turns).
        var names = fromQueues.Select((_, i) => "@q" + i).ToArray();
        var parameters = fromQueues.Select((queue, i) => ("q" + i, (object?)queue)).ToArray();
        await using var pick = connection.Sql(
            $"SELECT reference FROM cases WHERE status IN ('new', 'queued') AND queue IN ({string.Join(", ", names)}) {WorkOrder} LIMIT 1{_database.ForUpdateSkipLocked}",
            parameters);
        if (await pick.ExecuteScalarAsync(cancellationToken) is not string reference) return null;

        var result = await ApplyAsync(connection, reference, new CaseAction.Claim(agent), now, queues, cancellationToken);
        if (result.Decision.Accepted) await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<bool> EscalateAsync(string reference, IReadOnlyList<string> reasons, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await ReadCaseAsync(connection, reference, cancellationToken, _database.ForUpdate);
        var added = stored is { Work.IsOpen: true } ? reasons.Except(stored.Escalations, StringComparer.Ordinal).ToList() : [];
        if (added.Count == 0) return false;

        var escalated = stored! with { Escalations = [.. stored.Escalations, .. added] };
        await connection.RunAsync(
            "UPDATE cases SET document = @document, escalated_at = COALESCE(escalated_at, @at) WHERE reference = @reference",
            cancellationToken,
            ("document", JsonSerializer.Serialize(escalated, TriageJsonContext.Default.StoredCase)), ("at", now), ("reference", reference));
        await AddEventAsync(connection, reference, new CaseEvent(now, CaseEventKinds.Escalated, "system", "to supervisors: " + string.Join("; ", added)), cancellationToken);
        await AddOutboxEventAsync(connection, OutboxEventKinds.CaseEscalated, reference, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Runs <paramref name="action"/> through <see cref="CaseWorkflow"/> inside the caller's transaction; the caller commits when accepted.</summary>
    private async Task<CaseActionResult> ApplyAsync(DbConnection connection, string reference, CaseAction action, DateTimeOffset now, IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        var stored = await ReadCaseAsync(connection, reference, cancellationToken, _database.ForUpdate);
        if (stored is null) return new CaseActionResult(CaseDecision.Refuse($"There is no case {reference}."), null);

        var decision = CaseWorkflow.Apply(stored.Work, action, now, queues);
        if (!decision.Accepted) return new CaseActionResult(decision, stored);

        var updated = stored with
        {
            Work = decision.State!,
            Transcript = action is CaseAction.Reply reply ? [.. stored.Transcript, new TranscriptEntry("agent", reply.Text, now)] : stored.Transcript,
        };
        await connection.RunAsync(
            "UPDATE cases SET document = @document, status = @status, owner = @owner, queue = @queue WHERE reference = @reference",
            cancellationToken,
            ("document", JsonSerializer.Serialize(updated, TriageJsonContext.Default.StoredCase)),
            ("status", updated.Status),
            ("owner", updated.Work.Owner),
            ("queue", updated.Work.QueueId),
            ("reference", reference));
        await AddEventAsync(connection, reference, decision.Event!, cancellationToken);
        await AddOutboxEventAsync(connection, OutboxEventKinds.CaseUpdated, reference, now, cancellationToken);
        return new CaseActionResult(decision, await ReadCaseAsync(connection, reference, cancellationToken));
    }
}
