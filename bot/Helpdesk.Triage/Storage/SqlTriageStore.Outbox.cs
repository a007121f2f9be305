using System.Data.Common;
using System.Text.Json;
using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.Triage.Storage;

/// <summary>The outbox: events written with the case in one transaction, and per-destination delivery state.</summary>
public sealed partial class SqlTriageStore : IOutbox
{
    public async Task<IReadOnlyList<(OutboxEvent Event, int Attempts)>> DueAsync(string destination, OutboxPosition after, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // New events come from after the caller's cursor, retries from the deliveries index, so the
        // cost follows what is pending rather than the whole history.
        await using var command = connection.Sql(
            $"""
            SELECT id, kind, reference, occurred_at, payload, tx, attempts FROM (
                SELECT e.id, e.kind, e.reference, e.occurred_at, e.payload, e.tx, 0 AS attempts
                FROM outbox_events e
                WHERE {AfterCursor} AND e.tx < {SettledBelow}
                  AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.event_id = e.id AND d.destination = @destination)
                UNION ALL
                SELECT e.id, e.kind, e.reference, e.occurred_at, e.payload, e.tx, d.attempts
                FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
                WHERE d.destination = @destination AND d.delivered_at IS NULL AND d.dead_at IS NULL AND d.next_attempt_at <= @now) due
            ORDER BY tx, id
            LIMIT @max
            """,
            ("destination", destination), ("tx", after.Transaction), ("id", after.Id), ("now", now), ("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<(OutboxEvent, int)>();
        while (await reader.ReadAsync(cancellationToken)) due.Add((ReadEvent(reader), (int)reader.GetNumber(6)));
        return due;
    }

    public async Task<bool> ClaimAsync(long eventId, string destination, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.RunAsync(
            """
            INSERT INTO outbox_deliveries (event_id, destination, attempts, next_attempt_at)
            VALUES (@event, @destination, 0, @lease)
            ON CONFLICT (event_id, destination) DO UPDATE SET next_attempt_at = excluded.next_attempt_at
            WHERE outbox_deliveries.delivered_at IS NULL AND outbox_deliveries.dead_at IS NULL AND outbox_deliveries.next_attempt_at <= @now
            """,
            cancellationToken,
            ("event", eventId), ("destination", destination), ("lease", leaseUntil), ("now", now)) == 1;
    }

    public async Task<OutboxPosition> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT tx, id FROM outbox_events WHERE tx < {SettledBelow} ORDER BY tx DESC, id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new OutboxPosition(reader.GetNumber(0), reader.GetNumber(1)) : OutboxPosition.Start;
    }

    public async Task RecordAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.RunAsync(
            """
            INSERT INTO outbox_deliveries (event_id, destination, attempts, next_attempt_at, delivered_at, dead_at, last_error)
            VALUES (@event, @destination, 1, @next, @delivered, @dead, @error)
            ON CONFLICT (event_id, destination) DO UPDATE SET
                attempts = outbox_deliveries.attempts + 1, next_attempt_at = excluded.next_attempt_at, delivered_at = excluded.delivered_at,
                dead_at = excluded.dead_at, last_error = excluded.last_error
            """,
            cancellationToken,
            ("event", attempt.EventId),
            ("destination", attempt.Destination),
            ("next", attempt.NextAttemptAt),
            ("delivered", attempt.Delivered ? attempt.At : (DateTimeOffset?)null),
            ("dead", !attempt.Delivered && attempt.NextAttemptAt is null ? attempt.At : (DateTimeOffset?)null),
            ("error", attempt.Error));
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string destination, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT e.id, e.kind, e.reference, e.occurred_at, e.payload, e.tx, d.attempts, d.dead_at, d.last_error
            FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
            WHERE d.destination = @destination AND d.dead_at IS NOT NULL
            ORDER BY e.id
            """,
            ("destination", destination));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dead = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            dead.Add(new DeadLetter(ReadEvent(reader), destination, (int)reader.GetNumber(6), reader.GetTimestamp(7), reader.GetNullableString(8)));
        }

        return dead;
    }

    public async Task<bool> RetryAsync(long eventId, string destination, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.RunAsync(
            """
            UPDATE outbox_deliveries SET dead_at = NULL, attempts = 0, next_attempt_at = @now
            WHERE event_id = @event AND destination = @destination AND dead_at IS NOT NULL
            """,
            cancellationToken,
            ("event", eventId), ("destination", destination), ("now", now)) == 1;
    }

    /// <summary>Writes the event with the case as it now stands; called inside the case's transaction.</summary>
    private static async Task AddOutboxEventAsync(DbConnection connection, string kind, string reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stored = await ReadCaseAsync(connection, reference, cancellationToken)
            ?? throw new InvalidOperationException($"Case {reference} vanished inside its own transaction.");
        await connection.RunAsync(
            "INSERT INTO outbox_events (kind, reference, occurred_at, payload) VALUES (@kind, @reference, @at, @payload)",
            cancellationToken,
            ("kind", kind), ("reference", reference), ("at", at),
            ("payload", JsonSerializer.Serialize(new CasePayload(kind, at, stored), TriageJsonContext.Default.CasePayload)));
    }

    /// <summary>
    /// Events of transactions below this are settled: on PostgreSQL, older than the oldest transaction
    /// still running (each event's <c>tx</c> is its writer's transaction id), so no event can become
    /// visible before a reader's cursor any more; SQLite's events all carry 0 and are settled once committed.
    /// </summary>
    private string SettledBelow => _database.Kind == DatabaseKind.PostgreSql ? "pg_snapshot_xmin(pg_current_snapshot())::text::bigint" : "1";

    /// <summary>Events past the cursor <c>(@tx, @id)</c>, by the index each database has: SQLite's
    /// events all have transaction 0, so its primary key alone orders them.</summary>
    private string AfterCursor => _database.Kind == DatabaseKind.PostgreSql ? "(e.tx, e.id) > (@tx, @id)" : "e.id > @id";

    private static OutboxEvent ReadEvent(DbDataReader reader) =>
        new(reader.GetNumber(0), reader.GetString(1), reader.GetString(2), reader.GetTimestamp(3), reader.GetString(4), new OutboxPosition(reader.GetNumber(5), reader.GetNumber(0)));
}
