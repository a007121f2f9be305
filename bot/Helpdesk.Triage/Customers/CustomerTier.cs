namespace Helpdesk.Triage.Customers;

/// <summary>
/// The customer's Northbeam Cloud plan, lowest first so tiers compare by value ("at least Pro").
/// Standard is the free Basic plan; Enterprise is a Business account with a signed contract and SLA.
/// Stored and written by name, so the order may change without rewriting data.
/// </summary>
public enum CustomerTier
{
    Standard,
    Plus,
    Pro,
    Business,
    Enterprise,
}
