using Helpdesk.Triage.Storage;

namespace Helpdesk.Triage.Routing;

/// <summary>
/// Queue loads from the case store: how many cases wait in each queue. Agents are not counted as
/// online yet — presence arrives with agent sign-in — so no queue claims free capacity, expected
/// waits are unknown, and customers are promised the response target rather than a guess.
/// </summary>
public sealed class StoreQueueMonitor(ITriageStore store, RoutingConfiguration routing) : IQueueMonitor
{
    public async Task<IReadOnlyDictionary<string, QueueLoad>> LoadsAsync(CancellationToken cancellationToken)
    {
        var waiting = await store.CountWaitingByQueueAsync(cancellationToken);
        return routing.Queues.ToDictionary(q => q.Id, q => QueueLoad.Empty(q.Id) with { Waiting = waiting.GetValueOrDefault(q.Id) }, StringComparer.Ordinal);
    }
}
