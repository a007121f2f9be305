using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Cases;

/// <summary>The working state of a case — status, queue, its one owner, reassignments, SLA pauses,
/// first response and resolution — which agent actions change through <see cref="CaseWorkflow"/>.</summary>
public sealed record CaseState(
    CaseStatus Status,
    string QueueId,
    string? Owner,
    int Reassignments,
    IReadOnlyList<SlaPause> Pauses,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    string? Disposition,
    int Reopened)
{
    /// <summary>Labels for finding and reporting on cases ("refund", "vip"); lower case, unique.</summary>
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];

    public static CaseState Queued(string queueId) => new(CaseStatus.Queued, queueId, null, 0, [], null, null, null, 0);

    public bool IsWaiting => Status is CaseStatus.WaitingOnCustomer or CaseStatus.WaitingOnThirdParty;

    public bool IsOpen => Status is not (CaseStatus.Resolved or CaseStatus.Closed);
}
