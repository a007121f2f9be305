namespace Helpdesk.Bot.Agents;

// The agent API's shapes: what the console and external tools read and send. Cohesive, so together.

/// <summary>Any refused request: what to do about it.</summary>
internal sealed record ApiError(string Error);

internal sealed record AgentProfile(string Id, string Name, string Role, IReadOnlyList<string> Queues);

/// <param name="AgentsOnline">Online agents who serve the queue (members with one of its skills).</param>
/// <param name="FreeCapacity">How many more cases those agents can take before reaching their capacity.</param>
/// <param name="Escalated">Open cases of the queue escalated to the supervisors.</param>
internal sealed record QueueSummary(string Id, string Name, int Waiting, DateTimeOffset? OldestWaitingSince, int AtRisk, int Assigned, int AgentsOnline, int Capacity, int FreeCapacity, int Escalated);

/// <summary>A rostered agent and their load right now.</summary>
internal sealed record AgentStatus(string Id, string Name, string Role, IReadOnlyList<string> Queues, IReadOnlyList<string> Skills, int Capacity, bool Online, int OpenCases);

internal sealed record CaseSummary(
    string Reference,
    string Status,
    string Queue,
    string? Owner,
    string? PriorityLevel,
    double? PriorityScore,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseDue,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolveDue,
    string Problem,
    string? Intent,
    string? CustomerName,
    string SlaStatus,
    bool Escalated,
    IReadOnlyList<string> Tags);

internal sealed record TextBody(string? Text);

internal sealed record TagsBody(List<string>? Add, List<string>? Remove);

internal sealed record PasswordBody(string? Password);

internal sealed record TransferBody(string? Queue, string? Reason);

internal sealed record WaitBody(string? Waiting);

internal sealed record ResolveBody(string? Disposition);

/// <summary>One server-sent event of the live feed.</summary>
internal sealed record CaseNotice(string Reference, string Kind);

/// <summary>An agent's console connected to or left the live feed.</summary>
internal sealed record PresenceNotice(string Agent);

/// <summary>A whole case for the case view: everything the dialog gathered, the plan, and its state right now.</summary>
internal sealed record CaseDetail(
    string Reference,
    string Status,
    string Queue,
    string? Owner,
    int Reassignments,
    DateTimeOffset CreatedAt,
    string ConversationId,
    string Channel,
    string Problem,
    IntentView? Intent,
    FactsView Facts,
    string Urgency,
    string HandoffReason,
    IReadOnlyList<string> Signals,
    IReadOnlyList<ArticleView> Articles,
    PriorityView? Priority,
    SlaView Sla,
    IReadOnlyList<string> RouteReasons,
    IReadOnlyList<string> Escalation,
    CustomerView? Customer,
    IReadOnlyList<TranscriptView> Transcript,
    IReadOnlyList<TimelineView> Timeline,
    string? Disposition,
    DateTimeOffset? ResolvedAt,
    int Reopened,
    IReadOnlyList<string> Tags);

internal sealed record IntentView(string Label, double Confidence, bool Confirmed, IReadOnlyList<AlternativeView> Alternatives);

internal sealed record AlternativeView(string Label, double Confidence);

internal sealed record FactsView(string? AccountId, string? Email, string? Phone, string? Callback, string? TimeWindow);

internal sealed record ArticleView(string Id, string Title, bool? Solved);

internal sealed record PriorityView(string Level, double Score, IReadOnlyList<ReasonView> Reasons);

internal sealed record ReasonView(string Factor, double Points, double MaxPoints, string Explanation);

internal sealed record SlaView(DateTimeOffset? FirstResponseDue, DateTimeOffset? ResolveDue, DateTimeOffset? FirstResponseAt, string Status);

internal sealed record CustomerView(string Name, string? Company, string Tier, string Country, DateOnly? RenewalDate, bool HasOpenInvoices, bool IsVip, string? Notes);

internal sealed record TranscriptView(string Role, string Text, DateTimeOffset At);

internal sealed record TimelineView(DateTimeOffset At, string Kind, string Actor, string? Text);

/// <summary>A webhook delivery that was given up on.</summary>
internal sealed record DeadLetterView(long EventId, string Kind, string Reference, DateTimeOffset OccurredAt, int Attempts, DateTimeOffset DeadAt, string? LastError);
