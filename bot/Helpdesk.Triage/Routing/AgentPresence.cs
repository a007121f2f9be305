using System.Collections.Concurrent;

namespace Helpdesk.Triage.Routing;

/// <summary>
/// Which agents are at work right now: an agent is online while at least one of their consoles is
/// connected to a host's live feed. Each host counts its own connections and writes them to the
/// shared store on every change and every <see cref="Heartbeat"/>; an agent counts as online while
/// some host has reported them within <see cref="Expiry"/>, so a host that dies takes its agents
/// offline within that time.
/// </summary>
public sealed class AgentPresence(IPresenceStore store, TimeProvider time)
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(45);

    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    /// <summary>This host, as the store knows it.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Marks the agent online here until the result is disposed; call <see cref="ReportAsync"/> after either.</summary>
    public IDisposable Connect(string agentId)
    {
        _connections.AddOrUpdate(agentId, 1, (_, count) => count + 1);
        return new Connection(this, agentId);
    }

    /// <summary>Tells the store who is connected to this host now.</summary>
    public Task ReportAsync(CancellationToken cancellationToken) =>
        store.ReportPresenceAsync(HostId, [.. _connections.Where(c => c.Value > 0).Select(c => c.Key)], time.GetUtcNow(), cancellationToken);

    /// <summary>Agents any host has reported recently.</summary>
    public Task<IReadOnlySet<string>> OnlineAsync(CancellationToken cancellationToken) =>
        store.OnlineAgentsAsync(time.GetUtcNow() - Expiry, cancellationToken);

    private void Disconnect(string agentId) => _connections.AddOrUpdate(agentId, 0, (_, count) => Math.Max(0, count - 1));

    private sealed class Connection(AgentPresence presence, string agentId) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) presence.Disconnect(agentId);
        }
    }
}

/// <summary>Where hosts share who is connected to them.</summary>
public interface IPresenceStore
{
    /// <summary>Replaces what <paramref name="hostId"/> reported before with these agents, seen now.</summary>
    Task ReportPresenceAsync(string hostId, IReadOnlyCollection<string> agents, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Agents some host reported at or after <paramref name="since"/>.</summary>
    Task<IReadOnlySet<string>> OnlineAgentsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
