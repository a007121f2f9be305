namespace Helpdesk.Triage.Cases;

/// <summary>Where a case is in its life. Waiting states stop the SLA clock.</summary>
public enum CaseStatus
{
    New,
    Queued,
    Assigned,
    WaitingOnCustomer,
    WaitingOnThirdParty,
    Resolved,
    Closed,
}
