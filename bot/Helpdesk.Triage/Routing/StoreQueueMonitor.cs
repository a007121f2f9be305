using Helpdesk.Triage.Storage;

namespace Helpdesk.Triage.Routing;

/// <summary>Queue loads from the case store (waiting cases, each agent's open cases) and agent presence.</summary>
public sealed class StoreQueueMonitor(ITriageStore store, RoutingConfiguration routing, AgentPresence presence) : IQueueMonitor
{
    public async Task<IReadOnlyDictionary<string, QueueLoad>> LoadsAsync(CancellationToken cancellationToken) =>
        TeamLoad.Queues(routing, await store.CountWaitingByQueueAsync(cancellationToken), await presence.OnlineAsync(cancellationToken), await store.CountOpenByOwnerAsync(cancellationToken));
}
