using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Cases;

/// <summary>Whether an open case needs the supervisors now, and which of those reasons are new.</summary>
public static class CaseEscalation
{
    /// <summary>The reasons that hold right now: critical priority, too many reassignments, the
    /// first-response clock (until someone responds) or the resolution clock at risk or overdue.</summary>
    public static IReadOnlyList<string> Reasons(StoredCase stored, RoutingConfiguration routing, DateTimeOffset now)
    {
        if (stored.Plan is not { } plan || !stored.Work.IsOpen) return [];
        SlaStatus StatusOf(TimeSpan target) =>
            SlaClock.Status(stored.CreatedAt, now, target, stored.Work.Pauses, routing.BusinessHours, routing.Escalation.AtRiskFraction);
        var response = stored.Work.FirstResponseAt is null ? StatusOf(plan.Targets.FirstResponse) : SlaStatus.OnTrack;
        return EscalationPolicy.Reasons(routing.Escalation, plan.Priority.Level, stored.Work.Reassignments, response, StatusOf(plan.Targets.Resolve));
    }

    /// <summary>Reasons the supervisors have not been alerted for yet: a case bounced once more, or a
    /// clock that went from at risk to overdue, is news; the same reason again is not.</summary>
    public static IReadOnlyList<string> NewReasons(StoredCase stored, RoutingConfiguration routing, DateTimeOffset now) =>
        [.. Reasons(stored, routing, now).Except(stored.Escalations, StringComparer.Ordinal)];
}
