using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Helpdesk.Triage.Customers;

/// <summary>
/// Reads and checks a customers file. Every problem is collected, each naming the file and the place
/// in it (<c>customers[3]: emails[1]</c>), so an operator fixes a bad edit in one pass. A problem names
/// no account ID, email, phone or Teams user: the messages end up in logs, and the place is enough to
/// find the entry. A file with any problem yields nothing: serving half a directory would silently
/// demote the customers left out.
/// </summary>
internal static partial class CustomerFileReader
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly string TierNames = string.Join(", ", Enum.GetNames<CustomerTier>()[..^1]) + " or " + Enum.GetNames<CustomerTier>()[^1];

    /// <exception cref="InvalidDataException">The file is not JSON of the expected shape, or has problems; one per line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CustomerRecord> Read(string path, Regex accountIdPattern)
    {
        var file = OperatorFile.Read(path, TriageJsonContext.Default.CustomerFile);
        if (file.Customers is null) throw new InvalidDataException($"{path}: expected an object with a \"customers\" array.");

        var problems = new List<string>();
        foreach (var name in file.UnknownFields?.Keys ?? []) problems.Add($"unknown field \"{name}\"");

        var customers = new List<CustomerRecord>();
        var claims = new Claims();
        for (var index = 0; index < file.Customers.Count; index++)
        {
            if (Check(file.Customers[index], index, accountIdPattern, claims, problems) is { } customer) customers.Add(customer);
        }

        if (problems.Count > 0) throw new InvalidDataException(string.Join('\n', problems.Select(problem => $"{path}: {problem}")));
        return customers;
    }

    private static CustomerRecord? Check(CustomerFile.CustomerEntry? entry, int index, Regex accountIdPattern, Claims claims, List<string> problems)
    {
        if (entry is null)
        {
            problems.Add($"customers[{index}]: empty entry");
            return null;
        }

        var accountId = entry.AccountId?.Trim();
        var where = $"customers[{index}]";
        var before = problems.Count;
        void Problem(string text) => problems.Add($"{where}: {text}");

        foreach (var name in entry.UnknownFields?.Keys ?? []) Problem($"unknown field \"{name}\"");

        if (string.IsNullOrEmpty(accountId)) Problem("missing account ID");
        else if (!Matches(accountIdPattern, accountId)) Problem($"account ID does not match the pattern {Pattern(accountIdPattern)}");
        else if (claims.AccountIds.TryGetValue(accountId, out var first)) Problem($"account ID already used by customers[{first}]");
        else claims.AccountIds[accountId] = index;

        if (string.IsNullOrWhiteSpace(entry.Name)) Problem("missing name");

        CustomerTier tier = default;
        if (string.IsNullOrWhiteSpace(entry.Tier)) Problem("missing tier");
        else if (!TryParseTier(entry.Tier.Trim(), out tier)) Problem($"unknown tier \"{entry.Tier}\" (expected {TierNames})");

        var country = entry.Country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country)) Problem("missing country");
        else if (!CountryPattern().IsMatch(country)) Problem($"country \"{entry.Country}\" is not an ISO 3166 alpha-2 code such as GB or DE");

        var emails = new List<string>();
        var listedEmails = entry.Emails ?? [];
        for (var e = 0; e < listedEmails.Count; e++)
        {
            var email = listedEmails[e]?.Trim();
            if (string.IsNullOrEmpty(email) || !EmailPattern().IsMatch(email)) Problem($"emails[{e}] is not an email address");
            else if (claims.Emails.TryGetValue(email, out var owner) && owner.Index != index) Problem($"emails[{e}] is also listed for {owner.Label}");
            else
            {
                claims.Emails.TryAdd(email, (index, where));
                emails.Add(email);
            }
        }

        var phones = new List<string>();
        var listedPhones = entry.Phones ?? [];
        for (var p = 0; p < listedPhones.Count; p++)
        {
            var phone = listedPhones[p]?.Trim();
            var digits = phone is null ? 0 : phone.Count(char.IsAsciiDigit);
            if (string.IsNullOrEmpty(phone) || !PhonePattern().IsMatch(phone) || digits is < 7 or > 15)
            {
                Problem($"phones[{p}] is not a phone number (7 to 15 digits, written with spaces, dashes, dots, parentheses or a leading +)");
            }
            else phones.Add(phone);
        }

        DateOnly? renewal = null;
        if (entry.RenewalDate is { } date)
        {
            if (DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) renewal = parsed;
            else Problem($"renewal date \"{date}\" is not a date like 2026-12-01");
        }

        if (entry.MonthlyRevenue < 0) Problem("monthly revenue cannot be negative");

        var teamsUsers = new List<TeamsUser>();
        var teams = entry.TeamsUsers ?? [];
        for (var t = 0; t < teams.Count; t++)
        {
            var user = teams[t];
            foreach (var name in user?.UnknownFields?.Keys ?? []) Problem($"teamsUsers[{t}]: unknown field \"{name}\"");
            if (user?.AadObjectId is not { } objectId || user.TenantId is not { } tenantId
                || string.IsNullOrWhiteSpace(objectId) || string.IsNullOrWhiteSpace(tenantId))
            {
                Problem($"teamsUsers[{t}] needs both aadObjectId and tenantId");
            }
            else if (!Guid.TryParse(objectId, out _) || !Guid.TryParse(tenantId, out _))
            {
                // The usual slip is pasting the sign-in name; Teams only sends the GUIDs.
                Problem($"teamsUsers[{t}]: aadObjectId and tenantId must be GUIDs, not sign-in names");
            }
            else
            {
                var key = InMemoryCustomerDirectory.TeamsKey(objectId, tenantId);
                if (claims.TeamsUsers.TryGetValue(key, out var owner) && owner.Index != index)
                {
                    Problem($"teamsUsers[{t}] is also mapped to {owner.Label}");
                }
                else
                {
                    claims.TeamsUsers.TryAdd(key, (index, where));
                    teamsUsers.Add(new TeamsUser(objectId.Trim(), tenantId.Trim()));
                }
            }
        }

        if (problems.Count > before) return null;
        return new CustomerRecord
        {
            AccountId = accountId!,
            Name = entry.Name!.Trim(),
            Company = string.IsNullOrWhiteSpace(entry.Company) ? null : entry.Company.Trim(),
            Tier = tier,
            Emails = emails,
            Phones = phones,
            Country = country!,
            RenewalDate = renewal,
            HasOpenInvoices = entry.HasOpenInvoices ?? false,
            MonthlyRevenue = entry.MonthlyRevenue ?? 0,
            IsVip = entry.IsVip ?? false,
            TeamsUsers = teamsUsers,
            Notes = string.IsNullOrWhiteSpace(entry.Notes) ? null : entry.Notes.Trim(),
        };
    }

    private static bool Matches(Regex pattern, string accountId)
    {
        try
        {
            return pattern.IsMatch(accountId);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The configured account ID pattern, anchored: an ID in the directory must be one whole ID,
    /// matched case-insensitively as the entity extractor matches them in messages.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex AccountIdRegex(string pattern) =>
        new($@"\A(?:{pattern})\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

    // Shown as configured, without the anchors AccountIdRegex adds.
    private static string Pattern(Regex anchored) => anchored.ToString()[@"\A(?:".Length..^@")\z".Length];

    // By name only: Enum.TryParse would also take "3" or "Plus, Pro".
    private static bool TryParseTier(string text, out CustomerTier tier)
    {
        foreach (var value in Enum.GetValues<CustomerTier>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                tier = value;
                return true;
            }
        }

        tier = default;
        return false;
    }

    // Who already claimed an account ID, email or Teams user, so a second claim names the first by its place.
    private sealed class Claims
    {
        public Dictionary<string, int> AccountIds { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, (int Index, string Label)> Emails { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, (int Index, string Label)> TeamsUsers { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    // The same shape the entity extractor finds in a message, so any address it can read can match.
    [GeneratedRegex(@"^[\w.+%-]+@[\w-]+(?:\.[\w-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[\d ().-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
