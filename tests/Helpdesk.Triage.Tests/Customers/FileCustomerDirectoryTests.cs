using System.Text.RegularExpressions;
using Helpdesk.Triage.Customers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Triage.Tests.Customers;

/// <summary>The customers file: the shipped sample, every check made when it is loaded, and reloads.</summary>
public sealed class FileCustomerDirectoryTests
{
    private const string Jo = """{ "accountId": "ACC-10001", "name": "Jo Bloggs", "tier": "Plus", "country": "GB", "emails": ["jo@example.com"] }""";
    private const string Sam = """{ "accountId": "ACC-10002", "name": "Sam Reyes", "tier": "Pro", "country": "ES", "emails": ["sam@example.org"] }""";
    private const string Tenant = "3f2c9a4e-7b1d-4e8f-9c6a-2d5b8e1f4a70";
    private const string TeamsUser = "9b7e5d3c-1a2f-4c6e-8d0b-7f9a1c3e5b24";

    private static readonly DateOnly Today = new(2026, 11, 23);

    private static FileCustomerDirectory Open(string path, ILogger<FileCustomerDirectory>? logger = null, string pattern = FileCustomerDirectory.DefaultAccountIdPattern) =>
        new(path, TimeProvider.System, logger ?? NullLogger<FileCustomerDirectory>.Instance, pattern, watch: false);

    private static string FileWith(params string[] customers) => $$"""
        // comments and trailing commas are allowed
        { "customers": [ {{string.Join(",\n", customers)}}, ], }
        """;

    [Fact]
    public void TheShippedFile_LoadsWithTheDefaultPattern()
    {
        using var directory = Open(RepositoryFiles.Path("bot", "Helpdesk.Bot", "customers.json"));
        var customers = directory.Current.Customers;

        Assert.InRange(customers.Count, 25, 40);
        Assert.All(customers, c => Assert.Matches(@"^ACC-\d{5}$", c.AccountId));
        Assert.Equal(Enum.GetValues<CustomerTier>().Order(), customers.Select(c => c.Tier).Distinct().Order());
        Assert.True(customers.Select(c => c.Country).Distinct().Count() >= 6);
    }

    [Fact]
    public void TheShippedFile_HasTheAccountsTheExamplesUse()
    {
        using var directory = Open(RepositoryFiles.Path("bot", "Helpdesk.Bot", "customers.json"));
        CustomerRecord Account(string id) => directory.Current.Find(new CustomerIdentity { AccountId = id })
            ?? throw new Xunit.Sdk.XunitException($"customers.json has no {id}");

        var ana = Account("ACC-20931");
        Assert.Equal(("Ana Ruiz", CustomerTier.Business), (ana.Name, ana.Tier));
        Assert.Contains("ana@example.com", ana.Emails);
        Assert.Equal(CustomerTier.Pro, Account("ACC-12345").Tier);
        Assert.Equal(CustomerTier.Standard, Account("ACC-11111").Tier);
    }

    [Fact]
    public void TheShippedFile_CoversWhatPriorityScoringWeighs()
    {
        using var directory = Open(RepositoryFiles.Path("bot", "Helpdesk.Bot", "customers.json"));
        var customers = directory.Current.Customers;

        Assert.True(customers.Count(c => c.HasOpenInvoices) >= 3, "open invoices");
        Assert.True(customers.Count(c => c.RenewalDate is { } d && d >= Today && d <= Today.AddDays(30)) >= 3, "renewals within 30 days");
        Assert.True(customers.Count(c => c.IsVip) >= 2, "VIPs");
        Assert.Contains(customers, c => c.Tier == CustomerTier.Enterprise && c.TeamsUsers.Count > 0);
    }

    [Fact]
    public void TheShippedFile_IsFictional()
    {
        using var directory = Open(RepositoryFiles.Path("bot", "Helpdesk.Bot", "customers.json"));
        var customers = directory.Current.Customers;

        // Reserved documentation domains, and the UK (Ofcom) and US (555-01xx) drama ranges only.
        Assert.All(customers.SelectMany(c => c.Emails), email => Assert.Matches(@"@example\.(com|org|net)$", email));
        Assert.All(customers.SelectMany(c => c.Phones).Select(p => Regex.Replace(p, @"\D", "")),
            digits => Assert.Matches(@"(2079460\d{3}|1134960\d{3}|1614960\d{3}|7700900\d{3}|55501\d{2})$", digits));
    }

    [Fact]
    public void AnOperatorPattern_IsWhatAccountIdsMustMatch()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", FileWith(Jo.Replace("ACC-10001", "CUST-0042", StringComparison.Ordinal)));

        using var directory = Open(path, pattern: @"CUST-\d{4}");

        Assert.Equal("CUST-0042", directory.Current.Find(new CustomerIdentity { AccountId = "cust-0042" })?.AccountId);
        var error = Assert.Throws<InvalidDataException>(() => Open(path));
        Assert.Contains(@"does not match the pattern ACC-\d{5}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidPattern_FailsNamingIt()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", FileWith(Jo));

        var error = Assert.Throws<ArgumentException>(() => Open(path, pattern: "ACC-("));

        Assert.Equal("accountIdPattern", error.ParamName);
    }

    public static TheoryData<string, string, string> Problems => new()
    {
        { "missing account ID", FileWith("""{ "name": "Jo", "tier": "Plus", "country": "GB" }"""), "customers[0]: missing account ID" },
        { "blank account ID", FileWith(Jo.Replace("ACC-10001", "  ", StringComparison.Ordinal)), "customers[0]: missing account ID" },
        { "account ID off the pattern", FileWith(Jo.Replace("ACC-10001", "ACC-1001", StringComparison.Ordinal)),
            @"customers[0]: account ID does not match the pattern ACC-\d{5}" },
        { "duplicate account ID", FileWith(Jo, Sam.Replace("ACC-10002", "acc-10001", StringComparison.Ordinal)),
            "customers[1]: account ID already used by customers[0]" },
        { "email of two accounts", FileWith(Jo, Sam.Replace("sam@example.org", " JO@example.com", StringComparison.Ordinal)),
            "customers[1]: emails[0] is also listed for customers[0]" },
        { "Teams user of two accounts", FileWith(WithTeamsUser(Jo, TeamsUser, Tenant), WithTeamsUser(Sam, TeamsUser.ToUpperInvariant(), Tenant)),
            "customers[1]: teamsUsers[0] is also mapped to customers[0]" },
        { "unknown tier", FileWith(Jo.Replace("\"Plus\"", "\"Gold\"", StringComparison.Ordinal)),
            @"customers[0]: unknown tier ""Gold"" (expected Standard, Plus, Pro, Business or Enterprise)" },
        { "tier by number", FileWith(Jo.Replace("\"Plus\"", "\"1\"", StringComparison.Ordinal)), @"customers[0]: unknown tier ""1""" },
        { "missing tier", FileWith(Jo.Replace("\"tier\": \"Plus\",", "", StringComparison.Ordinal)), "customers[0]: missing tier" },
        { "invalid email", FileWith(Jo.Replace("jo@example.com", "jo.example.com", StringComparison.Ordinal)), "customers[0]: emails[0] is not an email address" },
        { "blank email", FileWith(Jo.Replace("jo@example.com", " ", StringComparison.Ordinal)), "customers[0]: emails[0] is not an email address" },
        { "missing name", FileWith(Jo.Replace("\"Jo Bloggs\"", "\"\"", StringComparison.Ordinal)), "customers[0]: missing name" },
        { "missing country", FileWith(Jo.Replace("\"country\": \"GB\",", "", StringComparison.Ordinal)), "customers[0]: missing country" },
        { "country by name", FileWith(Jo.Replace("\"GB\"", "\"Spain\"", StringComparison.Ordinal)),
            @"customers[0]: country ""Spain"" is not an ISO 3166 alpha-2 code" },
        { "invalid phone", FileWith(Jo.Replace("}", ", \"phones\": [\"call me\"] }", StringComparison.Ordinal)), "customers[0]: phones[0] is not a phone number" },
        { "too short a phone", FileWith(Jo.Replace("}", ", \"phones\": [\"0958\"] }", StringComparison.Ordinal)), "customers[0]: phones[0] is not a phone number" },
        { "renewal date not ISO", FileWith(Jo.Replace("}", ", \"renewalDate\": \"31/12/2026\" }", StringComparison.Ordinal)),
            @"customers[0]: renewal date ""31/12/2026"" is not a date like 2026-12-01" },
        { "negative revenue", FileWith(Jo.Replace("}", ", \"monthlyRevenue\": -5 }", StringComparison.Ordinal)), "customers[0]: monthly revenue cannot be negative" },
        { "Teams user without tenant", FileWith(Jo.Replace("}", $$""", "teamsUsers": [ { "aadObjectId": "{{TeamsUser}}" } ] }""", StringComparison.Ordinal)),
            "customers[0]: teamsUsers[0] needs both aadObjectId and tenantId" },
        { "Teams user by sign-in name", FileWith(WithTeamsUser(Jo, "jo@example.com", Tenant)),
            "customers[0]: teamsUsers[0]: aadObjectId and tenantId must be GUIDs" },
        { "misspelt field", FileWith(Jo.Replace("}", ", \"isVIP\": true }", StringComparison.Ordinal)), @"customers[0]: unknown field ""isVIP""" },
        { "empty entry", FileWith(Jo, "null"), "customers[1]: empty entry" },
        { "no customers array", """{ "clients": [] }""", @"expected an object with a ""customers"" array" },
        { "not JSON", """{ "customers": [ { "accountId": "ACC-10001" """, "customers.json: " },
        { "wrong value type", FileWith(Jo.Replace("}", ", \"isVip\": \"yes\" }", StringComparison.Ordinal)), "customers.json: " },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void EachProblem_StopsTheLoad_NamingTheFileAndTheCustomer(string why, string content, string expected)
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", content);

        var error = Assert.Throws<InvalidDataException>(() => Open(path));

        Assert.True(error.Message.Contains($"{path}: ", StringComparison.Ordinal), $"{why}: the message does not name the file:\n{error.Message}");
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{why}: expected \"{expected}\" in:\n{error.Message}");
    }

    [Fact]
    public void SeveralProblems_AreListedTogether_OnePerLine()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", FileWith(
            Jo,
            Sam.Replace("\"Pro\"", "\"Platinum\"", StringComparison.Ordinal).Replace("sam@example.org", "jo@example.com", StringComparison.Ordinal),
            """{ "accountId": "ACC-123", "name": "Kim", "tier": "Business", "country": "DE", "emails": ["kim@"] }""",
            Jo));

        var error = Assert.Throws<InvalidDataException>(() => Open(path));
        var lines = error.Message.Split('\n');

        Assert.Equal(6, lines.Length);
        Assert.All(lines, line => Assert.StartsWith($"{path}: customers[", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("unknown tier \"Platinum\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("customers[1]: emails[0] is also listed for customers[0]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("customers[2]: account ID does not match", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("customers[2]: emails[0] is not an email address", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("customers[3]: account ID already used by customers[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void ABadReload_KeepsTheLastGoodVersion_AndWarns()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", FileWith(Jo));
        var log = new RecordingLogger();
        using var directory = Open(path, log);

        folder.Write("customers.json", FileWith(Jo.Replace("\"Plus\"", "\"Gold\"", StringComparison.Ordinal), Sam));
        var reloaded = directory.Reload();

        Assert.False(reloaded);
        Assert.Equal(CustomerTier.Plus, directory.Current.Find(new CustomerIdentity { AccountId = "ACC-10001" })?.Tier);
        Assert.Null(directory.Current.Find(new CustomerIdentity { AccountId = "ACC-10002" }));
        var problem = Assert.Single(directory.Problems);
        Assert.StartsWith($"{path}: customers[0]: unknown tier", problem, StringComparison.Ordinal);
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("unknown tier \"Gold\"", warning.Message, StringComparison.Ordinal);

        folder.Write("customers.json", FileWith(Jo, Sam));
        Assert.True(directory.Reload());
        Assert.Equal("ACC-10002", directory.Current.Find(new CustomerIdentity { Email = "sam@example.org" })?.AccountId);
        Assert.Empty(directory.Problems);
    }

    [Fact]
    public void ABadReload_WarnsWithoutAnyAccountIdEmailPhoneOrTeamsUser()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", FileWith(Jo));
        var log = new RecordingLogger();
        using var directory = Open(path, log);

        folder.Write("customers.json", FileWith(
            WithTeamsUser(Jo.Replace("jo@example.com", "jo.example.com", StringComparison.Ordinal).Replace("}", ", \"phones\": [\"call me on 0958\"] }", StringComparison.Ordinal), "jo.bloggs@example.com", Tenant),
            Sam.Replace("ACC-10002", "ACC-999", StringComparison.Ordinal),
            Jo.Replace("jo@example.com", "sam@example.org", StringComparison.Ordinal)));
        directory.Reload();

        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning).Message;
        Assert.Contains("customers[0]: emails[0] is not an email address", warning, StringComparison.Ordinal);
        foreach (var personal in new[] { "ACC-10001", "ACC-999", "jo.example.com", "0958", "jo.bloggs", "sam@example.org", Tenant, "Jo Bloggs", "Sam Reyes" })
        {
            Assert.DoesNotContain(personal, warning, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ADeletedFile_KeepsTheLastGoodVersion()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", FileWith(Jo));
        using var directory = Open(path);

        File.Delete(path);

        Assert.False(directory.Reload());
        Assert.Equal("ACC-10001", directory.Current.Find(new CustomerIdentity { Email = "jo@example.com" })?.AccountId);
        Assert.Contains(path, Assert.Single(directory.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditedFile_IsPickedUpWhenWatched()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", FileWith(Jo));
        using var directory = new FileCustomerDirectory(path, TimeProvider.System, NullLogger<FileCustomerDirectory>.Instance);
        var reloaded = new TaskCompletionSource<InMemoryCustomerDirectory>(TaskCreationOptions.RunContinuationsAsynchronously);
        directory.Reloaded += (_, current) => reloaded.TrySetResult(current);

        folder.Write("customers.json", FileWith(Jo, Sam));

        // The minute only guards against a watcher that never fires; a reload takes milliseconds.
        var current = await reloaded.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal("ACC-10002", current.Find(new CustomerIdentity { AccountId = "ACC-10002" })?.AccountId);
        Assert.Same(current, directory.Current);
    }

    private static string WithTeamsUser(string customer, string aadObjectId, string tenantId) =>
        customer.Replace("}", $$""", "teamsUsers": [ { "aadObjectId": "{{aadObjectId}}", "tenantId": "{{tenantId}}" } ] }""", StringComparison.Ordinal);

    private sealed class RecordingLogger : ILogger<FileCustomerDirectory>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
