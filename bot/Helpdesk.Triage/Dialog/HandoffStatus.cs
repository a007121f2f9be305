namespace Helpdesk.Triage.Dialog;

/// <summary>What the engagement hub a handoff went to reports about it.</summary>
public enum HandoffStatus
{
    /// <summary>A person on the hub has the conversation: the bot keeps quiet.</summary>
    Accepted,

    /// <summary>The hub could not give the conversation to a person: the customer is told, and offered another way.</summary>
    Failed,

    /// <summary>The person is done with the conversation: the bot takes it back.</summary>
    Completed,
}
