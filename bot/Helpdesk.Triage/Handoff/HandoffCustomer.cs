using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Handoff;

/// <summary>The customer in a handoff's triage record: what they told the bot, and who the directory
/// says they are when it knows them.</summary>
public sealed record HandoffCustomer
{
    public string? AccountId { get; init; }

    public string? Name { get; init; }

    public string? Company { get; init; }

    public CustomerTier? Tier { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>How they want to hear back.</summary>
    public CallbackChannel? Callback { get; init; }

    /// <summary>When a call suits them, in their words.</summary>
    public string? TimeWindow { get; init; }

    public static HandoffCustomer Of(TriageFacts facts, CustomerRecord? known) => new()
    {
        AccountId = facts.AccountId ?? known?.AccountId,
        Name = known?.Name,
        Company = known?.Company,
        Tier = known?.Tier,
        Email = facts.Email,
        Phone = facts.Phone,
        Callback = facts.Callback,
        TimeWindow = facts.TimeWindow,
    };
}
