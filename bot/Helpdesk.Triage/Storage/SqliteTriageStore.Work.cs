using System.Text.Json;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Outbox;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Triage.Storage;

/// <summary>Agents' side of cases: listing work in priority order and applying actions.</summary>
public sealed partial class SqliteTriageStore : ICaseStore
{
    public async Task<IReadOnlyList<StoredCase>> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var filter = query.Filter switch
        {
            CaseListFilter.Open => "status NOT IN ('resolved', 'closed')",
            CaseListFilter.Mine => "status NOT IN ('resolved', 'closed') AND owner = $agent",
            CaseListFilter.Resolved => "status IN ('resolved', 'closed')",
            _ => "1 = 1",
        };
        // Two queries whatever the number of cases: the documents in work order, then their timelines.
        var selected = $"""
            SELECT number, reference, document FROM cases
            WHERE {filter} AND ($queue IS NULL OR queue = $queue)
            ORDER BY CASE priority_level WHEN 'Critical' THEN 0 WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 ELSE 3 END,
                     priority_score DESC, first_response_due, number
            LIMIT $limit
            """;
        command.CommandText = selected;
        command.Parameters.AddWithValue("$agent", (object?)query.Agent ?? DBNull.Value);
        command.Parameters.AddWithValue("$queue", (object?)query.Queue ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        var cases = new List<StoredCase>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) cases.Add(JsonSerializer.Deserialize(reader.GetString(2), TriageJsonContext.Default.StoredCase)!);
        }

        if (cases.Count == 0) return cases;
        command.CommandText = $"SELECT e.reference, e.at, e.kind, e.actor, e.text FROM case_events e JOIN ({selected}) c ON c.reference = e.reference ORDER BY e.id";
        var timelines = new Dictionary<string, List<CaseEvent>>(StringComparer.Ordinal);
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
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        var stored = await ReadCaseAsync(connection, reference, cancellationToken);
        if (stored is null) return new CaseActionResult(CaseDecision.Refuse($"There is no case {reference}."), null);

        var decision = CaseWorkflow.Apply(stored.Work, action, now, queues);
        if (!decision.Accepted) return new CaseActionResult(decision, stored);

        var updated = stored with
        {
            Work = decision.State!,
            Transcript = action is CaseAction.Reply reply ? [.. stored.Transcript, new TranscriptEntry("agent", reply.Text, now)] : stored.Transcript,
        };
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE cases SET document = $document, status = $status, owner = $owner, queue = $queue WHERE reference = $reference";
            update.Parameters.AddWithValue("$document", JsonSerializer.Serialize(updated, TriageJsonContext.Default.StoredCase));
            update.Parameters.AddWithValue("$status", updated.Status);
            update.Parameters.AddWithValue("$owner", (object?)updated.Work.Owner ?? DBNull.Value);
            update.Parameters.AddWithValue("$queue", updated.Work.QueueId);
            update.Parameters.AddWithValue("$reference", reference);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await AddEventAsync(connection, reference, decision.Event!, cancellationToken);
        await AddOutboxEventAsync(connection, OutboxEventKinds.CaseUpdated, reference, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CaseActionResult(decision, await ReadCaseAsync(connection, reference, cancellationToken));
    }
}
