using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Routing;

/// <summary>Whether a case goes to the supervisors, and every reason why (none means it does not).</summary>
public static class EscalationPolicy
{
    public static IReadOnlyList<string> Reasons(EscalationRules rules, Urgency level, int reassignments, SlaStatus responseSla, SlaStatus resolveSla)
    {
        var reasons = new List<string>();
        if (rules.EscalateCritical && level == Urgency.Critical) reasons.Add("critical priority");
        if (reassignments > rules.MaxReassignments) reasons.Add($"reassigned {reassignments} times (more than {rules.MaxReassignments})");
        if (responseSla is SlaStatus.AtRisk or SlaStatus.Breached) reasons.Add($"first response {(responseSla == SlaStatus.Breached ? "overdue" : "at risk")}");
        if (resolveSla is SlaStatus.AtRisk or SlaStatus.Breached) reasons.Add($"resolution {(resolveSla == SlaStatus.Breached ? "overdue" : "at risk")}");
        return reasons;
    }
}
