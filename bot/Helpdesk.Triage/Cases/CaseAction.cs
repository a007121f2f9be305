namespace Helpdesk.Triage.Cases;

/// <summary>What an agent does to a case. <see cref="Agent"/> is who does it.</summary>
public abstract record CaseAction(string Agent)
{
    public sealed record Claim(string Agent) : CaseAction(Agent);

    public sealed record Reply(string Agent, string Text) : CaseAction(Agent);

    public sealed record Note(string Agent, string Text) : CaseAction(Agent);

    public sealed record Transfer(string Agent, string Queue, string Reason) : CaseAction(Agent);

    /// <summary>Waiting on the customer or a third party: the SLA clock stops until <see cref="StopWaiting"/>.</summary>
    public sealed record Wait(string Agent, CaseStatus Waiting) : CaseAction(Agent);

    public sealed record StopWaiting(string Agent) : CaseAction(Agent);

    public sealed record Resolve(string Agent, string Disposition) : CaseAction(Agent);

    public sealed record Reopen(string Agent) : CaseAction(Agent);

    /// <summary>Adds and removes tags; allowed on closed cases too, like notes, for reporting.</summary>
    public sealed record Tag(string Agent, IReadOnlyList<string> Add, IReadOnlyList<string> Remove) : CaseAction(Agent);
}
