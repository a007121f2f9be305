namespace Helpdesk.Triage.Cases;

/// <summary>The result of an agent action: the new state and the timeline entry, or why it was refused.</summary>
public sealed record CaseDecision(CaseState? State, CaseEvent? Event, string? Refusal)
{
    public bool Accepted => Refusal is null;

    public static CaseDecision Refuse(string reason) => new(null, null, reason);
}
