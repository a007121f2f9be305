namespace Helpdesk.Triage.Dialog;

/// <summary>Who is handling the conversation's case right now.</summary>
public enum CaseHandling
{
    /// <summary>No case, or waiting in a queue: the bot answers and adds messages to the case.</summary>
    Waiting,

    /// <summary>An agent owns the case: the bot says nothing and records the customer's messages.</summary>
    AgentActive,

    /// <summary>The case was resolved: the bot is back, reads a rating if one comes, and helps with anything new.</summary>
    Resolved,
}
