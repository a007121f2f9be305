namespace Helpdesk.Triage.Cases;

/// <summary>Cases as agents work them: find, list, and act — each action one transaction with its
/// timeline entry and its outbox event.</summary>
public interface ICaseStore
{
    Task<StoredCase?> FindCaseAsync(string reference, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredCase>> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="action"/> through <see cref="CaseWorkflow"/>; a refusal changes nothing.</summary>
    Task<CaseActionResult> ActAsync(string reference, CaseAction action, DateTimeOffset now, IReadOnlyCollection<string> queues, CancellationToken cancellationToken);

    /// <summary>Adds the reasons the case has not been escalated for yet to its escalations, with a
    /// timeline entry and a <c>case.escalated</c> outbox event; false (and nothing written) when the
    /// case is closed or none of the reasons is new.</summary>
    Task<bool> EscalateAsync(string reference, IReadOnlyList<string> reasons, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Open cases (assigned or waiting) by owner: each agent's current load.</summary>
    Task<IReadOnlyDictionary<string, int>> CountOpenByOwnerAsync(CancellationToken cancellationToken);

    /// <summary>Claims the most urgent waiting case of <paramref name="fromQueues"/> for <paramref name="agent"/>;
    /// null when none is waiting. Agents asking at once each get a different case.</summary>
    Task<CaseActionResult?> ClaimNextAsync(string agent, IReadOnlyCollection<string> fromQueues, DateTimeOffset now, IReadOnlyCollection<string> queues, CancellationToken cancellationToken);
}

/// <summary>Which cases to list: one queue or all, and open, escalated, an agent's own, resolved, or everything.</summary>
public sealed record CaseQuery(string? Queue, CaseListFilter Filter, string? Agent, int Limit = 200);

public enum CaseListFilter
{
    Open,

    /// <summary>Open cases that have been escalated to the supervisors.</summary>
    Escalated,
    Mine,
    Resolved,
    All,
}

/// <summary>What an action did: the decision, and the case as it now stands (null when there is no such case).</summary>
public sealed record CaseActionResult(CaseDecision Decision, StoredCase? Case);
