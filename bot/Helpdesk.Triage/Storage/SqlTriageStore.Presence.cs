using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Storage;

/// <summary>Agent presence as hosts report it: one row per agent and host, with when it was last seen.</summary>
public sealed partial class SqlTriageStore : IPresenceStore
{
    public async Task ReportPresenceAsync(string hostId, IReadOnlyCollection<string> agents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await _database.EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.RunAsync("DELETE FROM agent_presence WHERE host_id = @host", cancellationToken, ("host", hostId));
        foreach (var agent in agents)
        {
            await connection.RunAsync("INSERT INTO agent_presence (agent_id, host_id, seen_at) VALUES (@agent, @host, @at)", cancellationToken, ("agent", agent), ("host", hostId), ("at", now));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> OnlineAgentsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT DISTINCT agent_id FROM agent_presence WHERE seen_at >= @since", ("since", since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var online = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) online.Add(reader.GetString(0));
        return online;
    }
}
