using Helpdesk.Triage.Customers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Triage.Tests.Customers;

/// <summary>Finding a customer in the shipped directory by every kind of identity a conversation carries.</summary>
public sealed class CustomerLookupTests : IDisposable
{
    private const string CorriebrookTenant = "8a8467f2-a00e-49d6-b543-595365f75785";

    private readonly FileCustomerDirectory _directory = new(RepositoryFiles.Path("bot", "Helpdesk.Bot", "customers.json"),
        TimeProvider.System, NullLogger<FileCustomerDirectory>.Instance, watch: false);

    public void Dispose() => _directory.Dispose();

    private async Task<string?> FindAsync(CustomerIdentity identity) =>
        (await _directory.FindAsync(identity, TestContext.Current.CancellationToken))?.AccountId;

    [Theory]
    [InlineData("ACC-20931")]
    [InlineData("acc-20931")]
    [InlineData(" ACC-20931 ")]
    public async Task AccountId_MatchesIgnoringCase(string accountId)
    {
        Assert.Equal("ACC-20931", await FindAsync(new CustomerIdentity { AccountId = accountId }));
    }

    [Fact]
    public async Task TeamsUser_MatchesByObjectIdAndTenant()
    {
        var identity = new CustomerIdentity
        {
            ChannelId = "msteams",
            ChannelUserId = "29:1a2b3c",
            AadObjectId = "D78A9BEC-B0E8-459A-B9F9-3E8D519F081D",
            TenantId = CorriebrookTenant,
        };

        Assert.Equal("ACC-40001", await FindAsync(identity));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("c708b1b4-c61e-4a58-8bd4-eda13a431819")]
    public async Task TeamsUser_WithoutItsOwnTenant_MatchesNobody(string? tenantId)
    {
        Assert.Null(await FindAsync(new CustomerIdentity { AadObjectId = "d78a9bec-b0e8-459a-b9f9-3e8d519f081d", TenantId = tenantId }));
    }

    [Theory]
    [InlineData("ana@example.com", "ACC-20931")]
    [InlineData("  Ana.Ruiz@EXAMPLE.org ", "ACC-20931")]
    [InlineData("katrin.vogel@example.org", "ACC-40003")]
    public async Task Email_MatchesTrimmedAndIgnoringCase(string email, string expected)
    {
        Assert.Equal(expected, await FindAsync(new CustomerIdentity { Email = email }));
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "ACC-20931")]
    [InlineData("+442079460958", "ACC-20931")]
    [InlineData("020 7946 0958", "ACC-20931")]
    [InlineData("0044 (20) 7946-0958", "ACC-20931")]
    [InlineData("+1 (312) 555-0178", "ACC-13802")]
    [InlineData("312.555.0178", "ACC-13802")]
    [InlineData("+1 415 555 0131", "ACC-14256")]
    [InlineData("+44 7700 900456", "ACC-19128")]
    public async Task Phone_ComparesDigits_ThenTheLastNine(string phone, string expected)
    {
        Assert.Equal(expected, await FindAsync(new CustomerIdentity { Phone = phone }));
    }

    [Fact]
    public async Task AccountId_DecidesBeforeEmail_AndAnUnknownOneFallsThrough()
    {
        Assert.Equal("ACC-12345", await FindAsync(new CustomerIdentity { AccountId = "ACC-12345", Email = "ana@example.com" }));
        Assert.Equal("ACC-20931", await FindAsync(new CustomerIdentity { AccountId = "ACC-99999", Email = "ana@example.com" }));
    }

    [Fact]
    public async Task TeamsUser_DecidesBeforeEmailAndPhone()
    {
        var identity = new CustomerIdentity
        {
            AadObjectId = "c71d7831-13d2-4acd-abfc-e9d1506733e0",
            TenantId = "c708b1b4-c61e-4a58-8bd4-eda13a431819",
            Email = "ana@example.com",
            Phone = "+44 20 7946 0958",
        };

        Assert.Equal("ACC-40002", await FindAsync(identity));
    }

    public static TheoryData<string, CustomerIdentity> Strangers => new()
    {
        { "nothing known", new CustomerIdentity() },
        { "blank parts", new CustomerIdentity { AccountId = " ", Email = "", Phone = "  " } },
        { "unknown account", new CustomerIdentity { AccountId = "ACC-99999" } },
        { "unknown email", new CustomerIdentity { Email = "nobody@example.com" } },
        { "unknown phone", new CustomerIdentity { Phone = "+44 20 7946 0000" } },
        { "too few digits to identify", new CustomerIdentity { Phone = "0958" } },
        { "a channel id alone", new CustomerIdentity { ChannelId = "directline", ChannelUserId = "dl_ana" } },
    };

    [Theory]
    [MemberData(nameof(Strangers))]
    public async Task UnknownIdentity_FindsNobody(string why, CustomerIdentity identity)
    {
        Assert.True(await FindAsync(identity) is null, why);
    }

    [Fact]
    public async Task FoundRecord_CarriesTheFile()
    {
        var ana = await _directory.FindAsync(new CustomerIdentity { Email = "ana@example.com" }, TestContext.Current.CancellationToken);

        Assert.NotNull(ana);
        Assert.Equal(("Ana Ruiz", CustomerTier.Business, "GB", new DateOnly(2026, 12, 10)), (ana.Name, ana.Tier, ana.Country, ana.RenewalDate));
        Assert.Equal(["ana@example.com", "ana.ruiz@example.org"], ana.Emails);
        Assert.Equal(["+44 20 7946 0958"], ana.Phones);
        Assert.Equal(144.00m, ana.MonthlyRevenue);
    }

    [Theory]
    [InlineData("+44 20 7946 0111", null)]
    [InlineData("020 7946 0111", null)]
    [InlineData("+44 20 7946 0222", "ACC-10002")]
    public void SharedPhone_MatchesNobody_RatherThanTheWrongCustomer(string phone, string? expected)
    {
        var directory = new InMemoryCustomerDirectory([
            Customer("ACC-10001", phones: ["+44 20 7946 0111"]),
            Customer("ACC-10002", phones: ["+44 20 7946 0111", "+44 20 7946 0222"]),
        ]);

        Assert.Equal(expected, directory.Find(new CustomerIdentity { Phone = phone })?.AccountId);
    }

    [Fact]
    public void InMemoryDirectory_RefusesAnEmailOfTwoAccounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new InMemoryCustomerDirectory([
            Customer("ACC-10001", emails: ["jo@example.com"]),
            Customer("ACC-10002", emails: ["JO@example.com "]),
        ]));

        Assert.Contains("ACC-10001", error.Message, StringComparison.Ordinal);
        Assert.Contains("ACC-10002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookups_AreSafeWhileTheFileIsReloaded()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("customers.json", """{ "customers": [ { "accountId": "ACC-10001", "name": "Jo", "tier": "Plus", "country": "GB", "emails": ["jo@example.com"] } ] }""");
        using var directory = new FileCustomerDirectory(path, TimeProvider.System, NullLogger<FileCustomerDirectory>.Instance, watch: false);
        using var stop = new CancellationTokenSource();
        var lookups = 0;

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var found = await directory.FindAsync(new CustomerIdentity { Email = "jo@example.com" }, CancellationToken.None);
                Assert.Equal("ACC-10001", found?.AccountId);
                Interlocked.Increment(ref lookups);
            }
        }, TestContext.Current.CancellationToken)).ToList();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref lookups) > 0, TimeSpan.FromMinutes(1)), "the readers never started");
        for (var i = 0; i < 50; i++) Assert.True(directory.Reload());
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(lookups > 0);
    }

    private static CustomerRecord Customer(string accountId, string[]? emails = null, string[]? phones = null) => new()
    {
        AccountId = accountId,
        Name = "Test customer",
        Tier = CustomerTier.Plus,
        Country = "GB",
        Emails = emails ?? [],
        Phones = phones ?? [],
    };
}
