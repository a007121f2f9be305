namespace Helpdesk.Triage.Entities;

/// <summary>The customer's own sense of urgency, on the priority matrix's four levels.</summary>
public enum Urgency
{
    Low,
    Medium,
    High,
    Critical,
}
