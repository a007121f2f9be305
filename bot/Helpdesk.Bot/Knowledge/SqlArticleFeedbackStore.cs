using Helpdesk.Channels.Storage;
using Helpdesk.Knowledge.Feedback;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Article feedback events in the host's database, one row per event.</summary>
internal sealed class SqlArticleFeedbackStore : IArticleFeedbackStore
{
    private static readonly SchemaSteps Schema = new(
        Sqlite:
        [
            """
            CREATE TABLE IF NOT EXISTS article_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                article_id TEXT NOT NULL,
                intent TEXT NULL,
                kind TEXT NOT NULL,
                at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS article_events_by_article ON article_events (article_id, intent, kind);
            """,
        ],
        PostgreSql:
        [
            """
            CREATE TABLE article_events (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                article_id TEXT NOT NULL,
                intent TEXT NULL,
                kind TEXT NOT NULL,
                at TIMESTAMPTZ NOT NULL);
            CREATE INDEX article_events_by_article ON article_events (article_id, intent, kind);
            """,
        ]);

    private readonly SqlDatabase _database;

    public SqlArticleFeedbackStore(SqlDatabase database)
    {
        _database = database;
        database.Migrate("article-feedback", Schema);
    }

    public async Task RecordAsync(ArticleEvent articleEvent, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            "INSERT INTO article_events (article_id, intent, kind, at) VALUES (@article, @intent, @kind, @at)",
            cancellationToken,
            ("article", articleEvent.ArticleId), ("intent", articleEvent.Intent), ("kind", articleEvent.Kind.ToString()), ("at", articleEvent.At));
    }

    public async Task<FeedbackSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT article_id, intent, kind, COUNT(*) FROM article_events GROUP BY article_id, intent, kind");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<FeedbackCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!Enum.TryParse<ArticleEventKind>(reader.GetString(2), out var kind)) continue;
            counts.Add(new FeedbackCount(reader.GetString(0), reader.GetNullableString(1), kind, (int)reader.GetNumber(3)));
        }

        return FeedbackSnapshot.FromCounts(counts);
    }
}
