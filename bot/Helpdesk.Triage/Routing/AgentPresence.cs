using System.Collections.Concurrent;

namespace Helpdesk.Triage.Routing;

/// <summary>
/// Which agents are at work right now: an agent is online while at least one of their consoles is
/// connected to the live feed, so closing the last tab (or losing the network) takes them offline
/// and their free capacity out of routing.
/// </summary>
public sealed class AgentPresence
{
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Online => _connections.Where(c => c.Value > 0).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Marks the agent online until the result is disposed.</summary>
    public IDisposable Connect(string agentId)
    {
        _connections.AddOrUpdate(agentId, 1, (_, count) => count + 1);
        return new Connection(this, agentId);
    }

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
