using System.Globalization;
using System.Text.Json;
using Helpdesk.Triage.Outbox;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Triage.Storage;

/// <summary>The outbox: events written with the case in one transaction, and per-destination delivery state.</summary>
public sealed partial class SqliteTriageStore : IOutbox
{
    public async Task<IReadOnlyList<(OutboxEvent Event, int Attempts)>> DueAsync(string destination, long after, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        // New events come from after the caller's cursor, retries from the deliveries index, so the
        // cost follows what is pending rather than the whole history.
        command.CommandText = """
            SELECT id, kind, reference, occurred_at, payload, attempts FROM (
                SELECT e.id, e.kind, e.reference, e.occurred_at, e.payload, 0 AS attempts
                FROM outbox_events e
                WHERE e.id > $after
                  AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.event_id = e.id AND d.destination = $destination)
                UNION ALL
                SELECT e.id, e.kind, e.reference, e.occurred_at, e.payload, d.attempts
                FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
                WHERE d.destination = $destination AND d.delivered_at IS NULL AND d.dead_at IS NULL AND d.next_attempt_at <= $now)
            ORDER BY id
            LIMIT $max
            """;
        command.Parameters.AddWithValue("$destination", destination);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$now", Timestamp(now));
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<(OutboxEvent, int)>();
        while (await reader.ReadAsync(cancellationToken)) due.Add((ReadEvent(reader), reader.GetInt32(5)));
        return due;
    }

    public async Task RecordAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox_deliveries (event_id, destination, attempts, next_attempt_at, delivered_at, dead_at, last_error)
            VALUES ($event, $destination, 1, $next, $delivered, $dead, $error)
            ON CONFLICT (event_id, destination) DO UPDATE SET
                attempts = attempts + 1, next_attempt_at = $next, delivered_at = $delivered, dead_at = $dead, last_error = $error
            """;
        command.Parameters.AddWithValue("$event", attempt.EventId);
        command.Parameters.AddWithValue("$destination", attempt.Destination);
        command.Parameters.AddWithValue("$next", attempt.NextAttemptAt is { } next ? Timestamp(next) : DBNull.Value);
        command.Parameters.AddWithValue("$delivered", attempt.Delivered ? Timestamp(attempt.At) : DBNull.Value);
        command.Parameters.AddWithValue("$dead", !attempt.Delivered && attempt.NextAttemptAt is null ? Timestamp(attempt.At) : DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)attempt.Error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string destination, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.id, e.kind, e.reference, e.occurred_at, e.payload, d.attempts, d.dead_at, d.last_error
            FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
            WHERE d.destination = $destination AND d.dead_at IS NOT NULL
            ORDER BY e.id
            """;
        command.Parameters.AddWithValue("$destination", destination);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dead = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            dead.Add(new DeadLetter(ReadEvent(reader), destination, reader.GetInt32(5), Parse(reader.GetString(6)), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return dead;
    }

    public async Task<bool> RetryAsync(long eventId, string destination, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE outbox_deliveries SET dead_at = NULL, attempts = 0, next_attempt_at = $now
            WHERE event_id = $event AND destination = $destination AND dead_at IS NOT NULL
            """;
        command.Parameters.AddWithValue("$event", eventId);
        command.Parameters.AddWithValue("$destination", destination);
        command.Parameters.AddWithValue("$now", Timestamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Writes the event with the case as it now stands; called inside the case's transaction.</summary>
    private static async Task AddOutboxEventAsync(SqliteConnection connection, string kind, string reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stored = await ReadCaseAsync(connection, reference, cancellationToken)
            ?? throw new InvalidOperationException($"Case {reference} vanished inside its own transaction.");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO outbox_events (kind, reference, occurred_at, payload) VALUES ($kind, $reference, $at, $payload)";
        insert.Parameters.AddWithValue("$kind", kind);
        insert.Parameters.AddWithValue("$reference", reference);
        insert.Parameters.AddWithValue("$at", Timestamp(at));
        insert.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(new CasePayload(kind, at, stored), TriageJsonContext.Default.CasePayload));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static OutboxEvent ReadEvent(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3)), reader.GetString(4));

    private static DateTimeOffset Parse(string timestamp) => DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture);
}
