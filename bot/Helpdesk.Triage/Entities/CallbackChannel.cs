namespace Helpdesk.Triage.Entities;

/// <summary>How the customer wants to hear back.</summary>
public enum CallbackChannel
{
    /// <summary>Stay in this chat with a person.</summary>
    Chat,

    Email,

    Phone,
}
