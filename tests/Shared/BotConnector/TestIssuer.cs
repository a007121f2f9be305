using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Tests.BotConnector;

/// <summary>
/// A token issuer of our own on loopback, shaped like Azure Bot Service's: OpenID metadata whose
/// <c>jwks_uri</c> lists RSA keys with Bot Framework endorsements, generated for this run. It mints
/// channel tokens — the good one, and any forgery a test describes.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string Issuer = "https://issuer.test/botframework";
    public const string AppId = "5e0b6bd9-3c8f-4a8e-9f42-b2b6c1f0d7a1";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _unendorsedRsa = RSA.Create(2048);
    private readonly RSA _unpublishedRsa = RSA.Create(2048);
    private readonly WebApplication _app;
    private int _metadataRequests;

    private TestIssuer(WebApplication app)
    {
        _app = app;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "channel-key" };
        UnendorsedKey = new RsaSecurityKey(_unendorsedRsa) { KeyId = "unendorsed-key" };
        UnpublishedKey = new RsaSecurityKey(_unpublishedRsa) { KeyId = "channel-key" };
    }

    /// <summary>The published key endorsed for the channels the tests use.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>Published, but with no endorsements at all.</summary>
    public RsaSecurityKey UnendorsedKey { get; }

    /// <summary>Never published, yet claiming the good key's id: a forger's key.</summary>
    public RsaSecurityKey UnpublishedKey { get; }

    public string MetadataUrl { get; private set; } = "";

    /// <summary>How many times the metadata document was fetched.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<TestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var issuer = new TestIssuer(builder.Build());
        issuer.Map();
        await issuer._app.StartAsync();
        var address = issuer._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.MetadataUrl = address + "/v1/.well-known/openidconfiguration";
        return issuer;
    }

    /// <summary>A channel token as Azure Bot Service would send it, changed by <paramref name="forge"/>.</summary>
    public string Token(Action<SecurityTokenDescriptor>? forge = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", ServiceUrl)]),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        forge?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The good token's claims with no signature and <c>alg: none</c>.</summary>
    public static string UnsignedToken()
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(),
        };
        return $"{Part(new Dictionary<string, string> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = "channel-key" })}.{Part(payload)}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
        _unendorsedRsa.Dispose();
        _unpublishedRsa.Dispose();
    }

    private void Map()
    {
        _app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
        {
            Interlocked.Increment(ref _metadataRequests);
            var self = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object> { ["issuer"] = Issuer, ["jwks_uri"] = self + "/v1/.well-known/keys" }), "application/json", Encoding.UTF8);
        });
        _app.MapGet("/v1/.well-known/keys", () => Results.Text(JsonSerializer.Serialize(new { keys = new[] { Jwk(_rsa, "channel-key", ["msteams", "directline", "webchat"]), Jwk(_unendorsedRsa, "unendorsed-key", null) } }), "application/json", Encoding.UTF8));
    }

    private static Dictionary<string, object> Jwk(RSA rsa, string kid, string[]? endorsements)
    {
        var parameters = rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null) jwk["endorsements"] = endorsements;
        return jwk;
    }
}
