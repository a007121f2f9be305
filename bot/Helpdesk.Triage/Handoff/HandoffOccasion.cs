namespace Helpdesk.Triage.Handoff;

/// <summary>Whether an outbox event hands a conversation to a person, and how.</summary>
public enum HandoffOccasion
{
    /// <summary>An agent's action on a case: nothing changes about who has the chat.</summary>
    None,

    /// <summary>The conversation was handed off and a case created for it.</summary>
    NewCase,

    /// <summary>The customer was handed off again on the issue of their open case and joined it.</summary>
    JoinedCase,
}
