using System.Collections.Frozen;

namespace Helpdesk.Triage.Customers;

/// <summary>
/// A fixed set of customers with their lookups built once: what <see cref="FileCustomerDirectory"/>
/// serves between reloads, and a directory tests and other sources can fill directly. Immutable,
/// so any number of conversations read it without locks.
/// </summary>
public sealed class InMemoryCustomerDirectory : ICustomerDirectory
{
    /// <summary>A number with fewer digits is an extension or a typo; it identifies nobody.</summary>
    private const int MinimumPhoneDigits = 7;

    /// <summary>The subscriber part most numbers share however the prefix is written
    /// ("+44 20 7946 0958", "0044 …", "020 7946 0958").</summary>
    private const int PhoneSuffixDigits = 9;

    private readonly FrozenDictionary<string, CustomerRecord> _byAccountId;
    private readonly FrozenDictionary<string, CustomerRecord> _byTeamsUser;
    private readonly FrozenDictionary<string, CustomerRecord> _byEmail;

    // A number two accounts share (an office line) maps to null: guessing would hand an agent
    // the wrong customer's facts, so it matches no one.
    private readonly FrozenDictionary<string, CustomerRecord?> _byPhone;
    private readonly FrozenDictionary<string, CustomerRecord?> _byPhoneSuffix;

    /// <exception cref="ArgumentException">Two customers share an account ID, an email or a Teams user.</exception>
    public InMemoryCustomerDirectory(IEnumerable<CustomerRecord> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        Customers = [.. customers];

        var byAccountId = new Dictionary<string, CustomerRecord>(StringComparer.OrdinalIgnoreCase);
        var byTeamsUser = new Dictionary<string, CustomerRecord>(StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, CustomerRecord>(StringComparer.OrdinalIgnoreCase);
        var byPhone = new Dictionary<string, CustomerRecord?>(StringComparer.Ordinal);
        var byPhoneSuffix = new Dictionary<string, CustomerRecord?>(StringComparer.Ordinal);
        foreach (var customer in Customers)
        {
            Claim(byAccountId, customer.AccountId.Trim(), customer, "account ID");
            foreach (var user in customer.TeamsUsers) Claim(byTeamsUser, TeamsKey(user.AadObjectId, user.TenantId), customer, "Teams user");
            foreach (var email in customer.Emails) Claim(byEmail, email.Trim(), customer, "email");
            foreach (var phone in customer.Phones)
            {
                var digits = Digits(phone);
                if (digits.Length < MinimumPhoneDigits) continue;
                Share(byPhone, digits, customer);
                if (digits.Length >= PhoneSuffixDigits) Share(byPhoneSuffix, digits[^PhoneSuffixDigits..], customer);
            }
        }

        _byAccountId = byAccountId.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byTeamsUser = byTeamsUser.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byEmail = byEmail.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byPhone = byPhone.ToFrozenDictionary(StringComparer.Ordinal);
        _byPhoneSuffix = byPhoneSuffix.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static InMemoryCustomerDirectory Empty { get; } = new([]);

    /// <summary>Every customer, in the order given.</summary>
    public IReadOnlyList<CustomerRecord> Customers { get; }

    public ValueTask<CustomerRecord?> FindAsync(CustomerIdentity identity, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Find(identity));
    }

    /// <summary>The same lookup as <see cref="FindAsync"/>, for callers that know the directory is in memory.</summary>
    public CustomerRecord? Find(CustomerIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (Present(identity.AccountId) is { } accountId && _byAccountId.TryGetValue(accountId, out var byAccount)) return byAccount;
        if (Present(identity.AadObjectId) is { } objectId && Present(identity.TenantId) is { } tenantId
            && _byTeamsUser.TryGetValue(TeamsKey(objectId, tenantId), out var byTeams)) return byTeams;
        if (Present(identity.Email) is { } email && _byEmail.TryGetValue(email, out var byEmail)) return byEmail;
        return Present(identity.Phone) is { } phone ? FindPhone(Digits(phone)) : null;
    }

    /// <summary>The digits of a phone number; spaces, dashes, dots, parentheses and "+" are how it was written, not what it is.</summary>
    internal static string Digits(string phone) => string.Concat(phone.Where(char.IsAsciiDigit));

    /// <summary>The lookup key of a Teams user: ids are GUIDs, however they are cased or braced.</summary>
    internal static string TeamsKey(string aadObjectId, string tenantId) => $"{Canonical(tenantId)}/{Canonical(aadObjectId)}";

    private CustomerRecord? FindPhone(string digits)
    {
        if (digits.Length < MinimumPhoneDigits) return null;
        if (_byPhone.TryGetValue(digits, out var exact)) return exact;
        return digits.Length >= PhoneSuffixDigits && _byPhoneSuffix.TryGetValue(digits[^PhoneSuffixDigits..], out var bySuffix) ? bySuffix : null;
    }

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Canonical(string id) =>
        Guid.TryParse(id.Trim(), out var guid) ? guid.ToString("D") : id.Trim().ToUpperInvariant();

    private static void Claim(Dictionary<string, CustomerRecord> index, string key, CustomerRecord customer, string what)
    {
        if (index.TryGetValue(key, out var owner) && !ReferenceEquals(owner, customer))
        {
            throw new ArgumentException($"The {what} {key} belongs to both {owner.AccountId} and {customer.AccountId}.");
        }

        index[key] = customer;
    }

    private static void Share(Dictionary<string, CustomerRecord?> index, string key, CustomerRecord customer)
    {
        index[key] = index.TryGetValue(key, out var owner) && !ReferenceEquals(owner, customer) ? null : customer;
    }
}
