using Helpdesk.Triage.Customers;

namespace Helpdesk.Triage.Routing;

/// <summary>
/// What happens to a case at handoff: the queue and why, the priority with its reasons, the SLA
/// targets and due times, the honest expected wait, any escalation, and the customer as the
/// directory knows them (null when unknown).
/// </summary>
public sealed record HandoffPlan(
    string QueueId,
    string QueueName,
    bool Overflowed,
    IReadOnlyList<string> RouteReasons,
    PriorityScore Priority,
    SlaTargets Targets,
    DateTimeOffset? FirstResponseDue,
    DateTimeOffset? ResolveDue,
    TimeSpan? ExpectedWait,
    IReadOnlyList<string> Escalation,
    CustomerRecord? Customer)
{
    /// <summary>What to promise the customer: the expected wait when it is known and sooner than
    /// the target, otherwise the response target itself.</summary>
    public TimeSpan Promise => ExpectedWait is { } wait && wait < Targets.FirstResponse ? wait : Targets.FirstResponse;
}
