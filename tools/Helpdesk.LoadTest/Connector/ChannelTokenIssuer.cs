using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// Azure Bot Service's side of the bot's inbound authentication: an RSA key made for this run and
/// published with OpenID metadata, and RS256 channel tokens signed with it. A JWT is three base64url
/// parts and one signature, so it is written by hand rather than with a token library.
/// </summary>
internal sealed class ChannelTokenIssuer : IDisposable
{
    public const string KeysPath = "v1/.well-known/keys";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    // Backdated a minute, so a host whose clock is a little behind still takes the token as valid.
    private static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    // Signing on every POST would make the tool measure its own RSA; a token is reused well within its hour.
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(10);

    private static readonly ConnectorJsonContext Json = ConnectorJsonContext.Default;

    // A new key id every run: a host still running from an earlier run has that run's key cached under
    // its id, and fetches the keys again only for an id it has not seen.
    private readonly string _keyId = "loadtest-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConnectorSettings _settings;
    private readonly TimeProvider _time;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly Lock _minting = new();
    private Minted? _current;

    public ChannelTokenIssuer(ConnectorSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        Keys = new PublishedKeySet(
            [new PublishedKey("RSA", "sig", _keyId, Base64Url.EncodeToString(key.Modulus), Base64Url.EncodeToString(key.Exponent), [ConnectorSettings.ChannelId])]);
        Metadata = new OpenIdConfiguration(settings.Issuer, new Uri(settings.Listen, KeysPath).ToString());
    }

    /// <summary>What <c>/v1/.well-known/openidconfiguration</c> answers.</summary>
    public OpenIdConfiguration Metadata { get; }

    /// <summary>What <c>/v1/.well-known/keys</c> answers: the one key, endorsed for the channel the activities name.</summary>
    public PublishedKeySet Keys { get; }

    /// <summary>A channel token for the bot, minted anew when the last one is ten minutes old.</summary>
    public string Token()
    {
        var now = _time.GetUtcNow();
        if (Volatile.Read(ref _current) is { } current && now - current.At < Reuse) return current.Token;

        // One signer at a time: an RSA instance is not documented as safe to share between threads.
        lock (_minting)
        {
            if (_current is { } fresh && now - fresh.At < Reuse) return fresh.Token;
            var minted = new Minted(Mint(now), now);
            Volatile.Write(ref _current, minted);
            return minted.Token;
        }
    }

    public void Dispose() => _rsa.Dispose();

    private string Mint(DateTimeOffset now)
    {
        var header = Part(JsonSerializer.SerializeToUtf8Bytes(new JwtHeader("RS256", "JWT", _keyId), Json.JwtHeader));
        var claims = new ChannelTokenClaims(_settings.Issuer, _settings.AppId, _settings.ServiceUrl,
            (now - Backdate).ToUnixTimeSeconds(), (now - Backdate).ToUnixTimeSeconds(), (now + Lifetime).ToUnixTimeSeconds());
        var payload = Part(JsonSerializer.SerializeToUtf8Bytes(claims, Json.ChannelTokenClaims));
        var signed = $"{header}.{payload}";
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Part(signature)}";
    }

    private static string Part(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private sealed record Minted(string Token, DateTimeOffset At);
}
