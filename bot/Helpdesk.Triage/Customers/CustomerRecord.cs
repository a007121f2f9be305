namespace Helpdesk.Triage.Customers;

/// <summary>
/// The facts the directory holds about one account: enough for priority scoring (tier, renewal,
/// invoices, revenue) and for an agent to greet the customer without asking again.
/// </summary>
public sealed record CustomerRecord
{
    /// <summary>The account ID, e.g. "ACC-20931", as written in the directory.</summary>
    public required string AccountId { get; init; }

    /// <summary>The account holder's name.</summary>
    public required string Name { get; init; }

    public string? Company { get; init; }

    public required CustomerTier Tier { get; init; }

    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Phone numbers as written; lookups compare their digits only.</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2, upper case ("GB", "DE").</summary>
    public required string Country { get; init; }

    /// <summary>When the subscription renews; null for free plans and rolling monthly ones.</summary>
    public DateOnly? RenewalDate { get; init; }

    public bool HasOpenInvoices { get; init; }

    /// <summary>What the account pays a month, in EUR; revenue-risk scoring weighs it.</summary>
    public decimal MonthlyRevenue { get; init; }

    public bool IsVip { get; init; }

    /// <summary>The Teams identities that belong to the account, so a Teams chat is known without questions.</summary>
    public IReadOnlyList<TeamsUser> TeamsUsers { get; init; } = [];

    /// <summary>Free text for agents ("prefers email", "on-site install in March").</summary>
    public string? Notes { get; init; }
}
