using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Dialog;

/// <summary>The slots an agent needs. Anything the customer states, in any message, fills or
/// replaces a slot — the latest statement wins, which is what a correction means.</summary>
public sealed record TriageFacts
{
    public string? AccountId { get; init; }

    /// <summary>The customer said they have no account ID (or three tries failed); email identifies them instead.</summary>
    public bool NoAccountId { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public Urgency? Urgency { get; init; }

    public CallbackChannel? Callback { get; init; }

    public string? TimeWindow { get; init; }

    public TriageFacts Merge(ExtractedEntities said) => this with
    {
        AccountId = said.AccountId ?? AccountId,
        Email = said.Email ?? Email,
        Phone = said.Phone ?? Phone,
        Urgency = said.Urgency ?? Urgency,
        Callback = said.Callback ?? Callback,
        TimeWindow = said.TimeWindow ?? TimeWindow,
    };

    /// <summary>The customer can be found: an account ID, or an email when they have no ID.</summary>
    public bool HasIdentity => AccountId is not null || Email is not null;
}
