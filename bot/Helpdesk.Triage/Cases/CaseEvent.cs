namespace Helpdesk.Triage.Cases;

/// <summary>One entry of a case's timeline: what happened, when, and who did it ("bot", "customer", an agent id).</summary>
public sealed record CaseEvent(DateTimeOffset At, string Kind, string Actor, string? Text);

/// <summary>The kinds of timeline entries: the triage's and the agents'.</summary>
public static class CaseEventKinds
{
    public const string Created = "created";
    public const string CustomerMessage = "customer message";

    public const string Claimed = "claimed";
    public const string AgentReply = "agent reply";
    public const string InternalNote = "internal note";
    public const string Transferred = "transferred";
    public const string Waiting = "waiting";
    public const string StoppedWaiting = "resumed";
    public const string Resolved = "resolved";
    public const string Reopened = "reopened";

    /// <summary>Tags added (+) or removed (-).</summary>
    public const string Tagged = "tagged";

    /// <summary>The customer rated the help (1–5) after resolution.</summary>
    public const string Rated = "rated";

    /// <summary>Brought to the supervisors' attention, with the reasons (critical, bounced, SLA at risk or overdue).</summary>
    public const string Escalated = "escalated";

    /// <summary>The same customer handed off again on the same issue; the conversation joined this case.</summary>
    public const string HandedOffAgain = "handed off again";
}
