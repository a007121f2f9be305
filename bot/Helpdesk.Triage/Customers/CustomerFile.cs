using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Triage.Customers;

/// <summary>
/// The customers file as written. Every value is optional and the tier and dates are plain text,
/// so the reader can list every missing or malformed value at once instead of the serializer
/// stopping at the first; unknown fields are kept so a misspelt one ("isVIP") is reported rather
/// than silently read as false. (The serializer fills extension data after construction, so those
/// properties are settable.)
/// </summary>
internal sealed record CustomerFile
{
    public IReadOnlyList<CustomerEntry?>? Customers { get; init; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? UnknownFields { get; set; }

    internal sealed record CustomerEntry
    {
        public string? AccountId { get; init; }
        public string? Name { get; init; }
        public string? Company { get; init; }
        public string? Tier { get; init; }
        public IReadOnlyList<string?>? Emails { get; init; }
        public IReadOnlyList<string?>? Phones { get; init; }
        public string? Country { get; init; }
        public string? RenewalDate { get; init; }
        public bool? HasOpenInvoices { get; init; }
        public decimal? MonthlyRevenue { get; init; }
        public bool? IsVip { get; init; }
        public IReadOnlyList<TeamsUserEntry?>? TeamsUsers { get; init; }
        public string? Notes { get; init; }

        [JsonExtensionData] public IDictionary<string, JsonElement>? UnknownFields { get; set; }
    }

    internal sealed record TeamsUserEntry
    {
        public string? AadObjectId { get; init; }
        public string? TenantId { get; init; }

        [JsonExtensionData] public IDictionary<string, JsonElement>? UnknownFields { get; set; }
    }
}
