using System.Globalization;
using Helpdesk.Knowledge.Feedback;
using Helpdesk.Channels.Storage;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Article feedback events in the embedded SQLite database, one row per event.</summary>
internal sealed class SqliteArticleFeedbackStore : IArticleFeedbackStore
{
    private readonly SqliteDatabase _database;

    public SqliteArticleFeedbackStore(SqliteDatabase database)
    {
        _database = database;
        database.Migrate("article-feedback", ["""
            CREATE TABLE IF NOT EXISTS article_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                article_id TEXT NOT NULL,
                intent TEXT NULL,
                kind TEXT NOT NULL,
                at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS article_events_by_article ON article_events (article_id, intent, kind);
            """]);
    }

    public async Task RecordAsync(ArticleEvent articleEvent, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO article_events (article_id, intent, kind, at) VALUES ($article, $intent, $kind, $at)";
        command.Parameters.AddWithValue("$article", articleEvent.ArticleId);
        command.Parameters.AddWithValue("$intent", (object?)articleEvent.Intent ?? DBNull.Value);
        command.Parameters.AddWithValue("$kind", articleEvent.Kind.ToString());
        command.Parameters.AddWithValue("$at", articleEvent.At.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<FeedbackSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT article_id, intent, kind, COUNT(*) FROM article_events GROUP BY article_id, intent, kind";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<FeedbackCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!Enum.TryParse<ArticleEventKind>(reader.GetString(2), out var kind)) continue;
            counts.Add(new FeedbackCount(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), kind, reader.GetInt32(3)));
        }

        return FeedbackSnapshot.FromCounts(counts);
    }
}
