using Helpdesk.Channels.Storage;

namespace Helpdesk.Bot.Teams;

/// <summary>
/// Which card in the agents' Teams channel shows each case, and what it showed last: a change agents
/// should see (claimed, resolved) updates that card in place, once per visible change, instead of
/// leaving a "Claim" button on a case someone already has.
/// </summary>
internal sealed class AgentsChannelCards
{
    private static readonly SchemaSteps Schema = new(
        Sqlite:
        [
            """
            CREATE TABLE IF NOT EXISTS teams_case_cards (
                reference TEXT PRIMARY KEY,
                activity_id TEXT NOT NULL,
                shown TEXT NOT NULL);
            """,
        ],
        PostgreSql:
        [
            """
            CREATE TABLE teams_case_cards (
                reference TEXT PRIMARY KEY,
                activity_id TEXT NOT NULL,
                shown TEXT NOT NULL);
            """,
        ]);

    private readonly SqlDatabase _database;

    public AgentsChannelCards(SqlDatabase database)
    {
        _database = database;
        database.Migrate("teams-cards", Schema);
    }

    /// <summary>The case's card now is <paramref name="activityId"/>, showing <paramref name="shown"/> (a newer post replaces an older one).</summary>
    public async Task RememberAsync(string reference, string activityId, string shown, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            """
            INSERT INTO teams_case_cards (reference, activity_id, shown) VALUES (@reference, @activity, @shown)
            ON CONFLICT (reference) DO UPDATE SET activity_id = excluded.activity_id, shown = excluded.shown
            """,
            cancellationToken,
            ("reference", reference), ("activity", activityId), ("shown", shown));
    }

    public async Task<PostedCard?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT activity_id, shown FROM teams_case_cards WHERE reference = @reference", ("reference", reference));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new PostedCard(reader.GetString(0), reader.GetString(1)) : null;
    }
}

/// <summary>A card posted for a case: its activity id in the channel, and the state it shows.</summary>
internal sealed record PostedCard(string ActivityId, string Shown);
