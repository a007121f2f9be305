using System.Security.Claims;
using Helpdesk.Channels.BotConnector;
using Helpdesk.Tests.BotConnector;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Channels.Tests.BotConnector;

/// <summary>Inbound Bot Connector tokens against our own issuer on loopback: the good token, and forgeries.</summary>
public sealed class ChannelAuthenticatorTests(ChannelAuthenticatorTests.Issuer fixture) : IClassFixture<ChannelAuthenticatorTests.Issuer>
{
    private const string EntraIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
    private static readonly HttpClient Http = new();

    private TestIssuer TestIssuer => fixture.Server!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_channel_token_signed_by_an_endorsed_key_for_this_bot_and_service_url_is_accepted()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer " + TestIssuer.Token(), "msteams", TestIssuer.ServiceUrl, Cancel);

        Assert.True(result.Accepted, result.Problem);
        Assert.Equal("Local channel " + TestIssuer.Issuer, result.Profile);
        Assert.Equal(TestIssuer.ServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    public static TheoryData<string, string> Forgeries() => new()
    {
        { "no header", "" },
        { "not a bearer token", "Basic dXNlcjpwYXNz" },
        { "not a JWT", "Bearer not-a-token" },
        { "three parts that are not a JWT", "Bearer not.a.token" },
        { "alg none", "unsigned" },
        { "signed by an unpublished key", "unpublished" },
        { "HMAC with a made-up secret", "hmac" },
        { "wrong audience", "audience" },
        { "wrong issuer", "issuer" },
        { "expired six minutes ago", "expired" },
        { "not valid for ten more minutes", "not-yet" },
        { "key without endorsements", "unendorsed" },
        { "endorsed for other channels", "slack" },
        { "serviceurl of another service", "serviceurl" },
        { "no serviceurl claim", "no-serviceurl" },
        { "unknown key id", "unknown-kid" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_or_wrong_tokens_are_refused_with_401(string why, string forgery)
    {
        var (authorization, channelId) = Forge(forgery);

        var result = await Authenticator().AuthenticateAsync(authorization, channelId, TestIssuer.ServiceUrl, Cancel);

        Assert.False(result.Accepted, why);
        Assert.Equal(401, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Problem));
    }

    [Fact]
    public async Task Five_minutes_of_clock_skew_are_allowed_and_no_more()
    {
        var four = TestIssuer.Token(t => { t.Expires = DateTime.UtcNow.AddMinutes(-4); t.NotBefore = DateTime.UtcNow.AddMinutes(-30); t.IssuedAt = t.NotBefore; });

        Assert.True((await Authenticator().AuthenticateAsync("Bearer " + four, "msteams", TestIssuer.ServiceUrl, Cancel)).Accepted);
    }

    [Fact]
    public async Task The_service_url_claim_is_compared_without_regard_to_letter_case()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer " + TestIssuer.Token(), "msteams", TestIssuer.ServiceUrl.ToUpperInvariant(), Cancel);

        Assert.True(result.Accepted, result.Problem);
    }

    [Fact]
    public async Task An_unknown_issuer_is_refused_without_fetching_any_keys()
    {
        var before = TestIssuer.MetadataRequests;
        var token = TestIssuer.Token(t => t.Issuer = "https://evil.example/");

        var result = await Authenticator().AuthenticateAsync("Bearer " + token, "msteams", TestIssuer.ServiceUrl, Cancel);

        Assert.Contains("not trusted", result.Problem, StringComparison.Ordinal);
        Assert.Equal(before, TestIssuer.MetadataRequests);
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_an_unknown_key_id_refreshes_them_at_most_once_a_minute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var keys = new SigningKeyCache(Http, clock, TimeSpan.FromHours(24));
        var authenticator = new ChannelAuthenticator(Options(), keys, clock);
        var before = TestIssuer.MetadataRequests;
        async Task Send(string authorization) => await authenticator.AuthenticateAsync(authorization, "msteams", TestIssuer.ServiceUrl, Cancel);

        for (var i = 0; i < 3; i++) await Send("Bearer " + TestIssuer.Token());
        for (var i = 0; i < 3; i++) await Send(Forge("unknown-kid").Authorization);
        Assert.Equal(before + 1, TestIssuer.MetadataRequests);

        clock.Advance(TimeSpan.FromSeconds(61));
        for (var i = 0; i < 3; i++) await Send(Forge("unknown-kid").Authorization);
        Assert.Equal(before + 2, TestIssuer.MetadataRequests);
    }

    [Fact]
    public async Task Entra_tokens_must_be_issued_to_this_bot()
    {
        string Entra(string caller) => TestIssuer.Token(t =>
        {
            t.Issuer = EntraIssuer;
            t.Subject = new ClaimsIdentity([new Claim("azp", caller)]);
        });

        Assert.True((await Authenticator().AuthenticateAsync("Bearer " + Entra(TestIssuer.AppId), "emulator", null, Cancel)).Accepted);
        Assert.Equal(401, (await Authenticator().AuthenticateAsync("Bearer " + Entra("another-app"), "emulator", null, Cancel)).Status);
    }

    [Fact]
    public async Task Without_any_reachable_keys_nothing_is_accepted_and_the_answer_says_so()
    {
        var options = Options();
        options.LocalIssuers[0].MetadataUrl = "http://127.0.0.1:9/v1/.well-known/openidconfiguration";
        using var keys = new SigningKeyCache(Http, TimeProvider.System, options.KeyRefreshInterval);

        var result = await new ChannelAuthenticator(options, keys, TimeProvider.System).AuthenticateAsync("Bearer " + TestIssuer.Token(), "msteams", TestIssuer.ServiceUrl, Cancel);

        Assert.Equal(503, result.Status);
    }

    [Fact]
    public async Task Unauthenticated_requests_pass_only_when_explicitly_allowed()
    {
        var options = Options();
        options.AllowUnauthenticated = true;
        using var keys = new SigningKeyCache(Http, TimeProvider.System, options.KeyRefreshInterval);

        Assert.True((await new ChannelAuthenticator(options, keys, TimeProvider.System).AuthenticateAsync(null, "emulator", null, Cancel)).Accepted);
        Assert.False((await Authenticator().AuthenticateAsync(null, "emulator", null, Cancel)).Accepted);
    }

    private ChannelAuthenticator Authenticator() => new(Options(), fixture.Keys!, TimeProvider.System);

    private ChannelAuthOptions Options() => new()
    {
        AppId = TestIssuer.AppId,
        ChannelMetadataUrl = "http://127.0.0.1:9/never-used",
        EntraMetadataUrl = TestIssuer.MetadataUrl,
        LocalIssuers = [new LocalIssuer { Issuer = TestIssuer.Issuer, MetadataUrl = TestIssuer.MetadataUrl }],
    };

    private (string Authorization, string ChannelId) Forge(string forgery) => forgery switch
    {
        "" => ("", "msteams"),
        "unsigned" => ("Bearer " + TestIssuer.UnsignedToken(), "msteams"),
        "unpublished" => ("Bearer " + TestIssuer.Token(t => t.SigningCredentials = new SigningCredentials(TestIssuer.UnpublishedKey, SecurityAlgorithms.RsaSha256)), "msteams"),
        "hmac" => ("Bearer " + TestIssuer.Token(t => t.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]) { KeyId = "channel-key" }, SecurityAlgorithms.HmacSha256)), "msteams"),
        "audience" => ("Bearer " + TestIssuer.Token(t => t.Audience = "another-bot"), "msteams"),
        "issuer" => ("Bearer " + TestIssuer.Token(t => t.Issuer = "https://api.botframework.com.evil.example"), "msteams"),
        "expired" => ("Bearer " + TestIssuer.Token(t => { t.Expires = DateTime.UtcNow.AddMinutes(-6); t.NotBefore = DateTime.UtcNow.AddMinutes(-30); t.IssuedAt = t.NotBefore; }), "msteams"),
        "not-yet" => ("Bearer " + TestIssuer.Token(t => { t.NotBefore = DateTime.UtcNow.AddMinutes(10); t.IssuedAt = t.NotBefore; t.Expires = DateTime.UtcNow.AddMinutes(60); }), "msteams"),
        "unendorsed" => ("Bearer " + TestIssuer.Token(t => t.SigningCredentials = new SigningCredentials(TestIssuer.UnendorsedKey, SecurityAlgorithms.RsaSha256)), "msteams"),
        "slack" => ("Bearer " + TestIssuer.Token(), "slack"),
        "serviceurl" => ("Bearer " + TestIssuer.Token(t => t.Subject = new ClaimsIdentity([new Claim("serviceurl", "https://attacker.example/")])), "msteams"),
        "no-serviceurl" => ("Bearer " + TestIssuer.Token(t => t.Subject = new ClaimsIdentity()), "msteams"),
        "unknown-kid" => ("Bearer " + TestIssuer.Token(t => t.SigningCredentials = new SigningCredentials(new RsaSecurityKey(TestIssuer.UnpublishedKey.Rsa) { KeyId = "rotated-away" }, SecurityAlgorithms.RsaSha256)), "msteams"),
        _ => (forgery, "msteams"),
    };

    /// <summary>One issuer and one key cache for the class, as a host would have.</summary>
    public sealed class Issuer : IAsyncLifetime
    {
        public TestIssuer? Server { get; private set; }

        public SigningKeyCache? Keys { get; private set; }

        public async ValueTask InitializeAsync()
        {
            Server = await TestIssuer.StartAsync();
            Keys = new SigningKeyCache(Http, TimeProvider.System, TimeSpan.FromHours(24));
        }

        public async ValueTask DisposeAsync()
        {
            Keys?.Dispose();
            if (Server is not null) await Server.DisposeAsync();
        }
    }
}
