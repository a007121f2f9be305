using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Customers;

namespace Helpdesk.Triage.Routing;

/// <summary>Gathers what a handoff plan needs — the customer from the directory, the queues' load —
/// and plans it with <see cref="HandoffPlanner"/>.</summary>
public sealed class HandoffPlanning(ICustomerDirectory directory, IQueueMonitor queues, RoutingConfiguration routing)
{
    public async Task<HandoffPlan> PlanAsync(CaseDraft draft, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var customer = await directory.FindAsync(HandoffPlanner.IdentityOf(draft, userId), cancellationToken);
        var loads = await queues.LoadsAsync(cancellationToken);
        return HandoffPlanner.Plan(draft, customer, routing, id => loads.GetValueOrDefault(id) ?? QueueLoad.Empty(id), now);
    }

    /// <summary>The account of a customer the channel identifies (a Teams user the directory knows), or null.</summary>
    public async Task<string?> KnownAccountAsync(CustomerIdentity? identity, CancellationToken cancellationToken) =>
        identity is null ? null : (await directory.FindAsync(identity, cancellationToken))?.AccountId;
}
