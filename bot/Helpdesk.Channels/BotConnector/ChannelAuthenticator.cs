using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// Checks the bearer token of an inbound Bot Connector request the way the Bot Framework specifies:
/// a known issuer (before any key is fetched), an RSA signature by a published key, lifetime with five
/// minutes of skew, the bot's app id as audience, and then per issuer family either the channel checks
/// (the key endorsed for the activity's channel, the <c>serviceurl</c> claim equal to the activity's)
/// or the Entra checks (<c>appid</c>/<c>azp</c> is the bot). Any failure is a refusal with its reason.
/// </summary>
public sealed class ChannelAuthenticator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly ChannelAuthOptions _options;
    private readonly IReadOnlyList<IssuerProfile> _profiles;
    private readonly SigningKeyCache _keys;
    private readonly TimeProvider _time;

    public ChannelAuthenticator(ChannelAuthOptions options, SigningKeyCache keys, TimeProvider time)
    {
        _options = options;
        _profiles = IssuerProfile.From(options);
        _keys = keys;
        _time = time;
    }

    /// <param name="authorization">The request's Authorization header.</param>
    /// <param name="channelId">The activity's <c>channelId</c>.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>.</param>
    public async Task<ChannelAuthResult> AuthenticateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return _options.AllowUnauthenticated ? ChannelAuthResult.Anonymous : ChannelAuthResult.Refuse("No Authorization header.");
        }

        var parts = authorization.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return ChannelAuthResult.Refuse("The Authorization header is not a bearer token.");
        if (!_handler.CanReadToken(parts[1])) return ChannelAuthResult.Refuse("The bearer token is not a JWT.");

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (Exception e) when (e is SecurityTokenMalformedException or ArgumentException)
        {
            return ChannelAuthResult.Refuse("The bearer token is not a readable JWT.");
        }

        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal)) return ChannelAuthResult.Refuse($"Tokens signed with '{token.Alg}' are not accepted.");
        if (IssuerProfile.For(_profiles, token.Issuer) is not { } profile) return ChannelAuthResult.Refuse($"Tokens from '{token.Issuer}' are not trusted.");
        if (string.IsNullOrEmpty(token.Kid)) return ChannelAuthResult.Refuse("The token names no signing key.");

        SigningKey? key;
        try
        {
            key = await _keys.FindAsync(profile.MetadataUrl, token.Kid, cancellationToken);
        }
        catch (SigningKeysUnavailableException e)
        {
            return ChannelAuthResult.Unavailable(e.Message);
        }

        if (key is null) return ChannelAuthResult.Refuse($"No key '{token.Kid}' is published by {profile.Name}.");

        var validated = await _handler.ValidateTokenAsync(parts[1], new TokenValidationParameters
        {
            ValidIssuers = profile.Issuers,
            ValidAudience = _options.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires),
        });
        if (!validated.IsValid) return ChannelAuthResult.Refuse(Why(validated.Exception));

        var refusal = profile.IsChannel ? ChannelRefusal(key, token, channelId, serviceUrl) : EntraRefusal(token);
        return refusal is null ? ChannelAuthResult.Accept(validated.ClaimsIdentity, profile.Name) : ChannelAuthResult.Refuse(refusal);
    }

    /// <summary>Lifetime against the injected clock, with the Bot Framework's five minutes of skew.</summary>
    private bool WithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end && now <= end + ClockSkew && (notBefore is not { } start || now >= start - ClockSkew);
    }

    /// <summary>Why the token library refused a token, in our words: its own messages name the keys it tried.</summary>
    private static string Why(Exception? refusal) => refusal switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidLifetimeException => "The token is outside its lifetime.",
        SecurityTokenInvalidAudienceException => "The token is not for this bot.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature does not verify.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
        _ => "The token is not valid.",
    };

    private static string? ChannelRefusal(SigningKey key, JsonWebToken token, string? channelId, string? serviceUrl)
    {
        if (key.Endorsements is not { } endorsements) return "The signing key carries no endorsements.";
        if (string.IsNullOrEmpty(channelId) || !endorsements.Contains(channelId, StringComparer.Ordinal)) return $"The signing key is not endorsed for channel '{channelId}'.";
        if (!token.TryGetClaim("serviceurl", out var claim)) return "The token has no serviceurl claim.";
        return string.Equals(claim.Value, serviceUrl, StringComparison.OrdinalIgnoreCase) ? null : "The token's serviceurl does not match the activity's serviceUrl.";
    }

    private string? EntraRefusal(JsonWebToken token)
    {
        var caller = token.TryGetClaim("appid", out var appId) ? appId.Value : token.TryGetClaim("azp", out var azp) ? azp.Value : null;
        return string.Equals(caller, _options.AppId, StringComparison.Ordinal) ? null : "The token was not issued to this bot (appid/azp).";
    }
}

/// <summary>An inbound request's authentication: accepted (with the token's claims), refused (401), or not checkable right now (503).</summary>
public sealed record ChannelAuthResult(bool Accepted, int Status, string? Problem, ClaimsIdentity? Identity, string? Profile)
{
    public static ChannelAuthResult Anonymous { get; } = new(true, 200, null, null, "unauthenticated (development)");

    public static ChannelAuthResult Accept(ClaimsIdentity identity, string profile) => new(true, 200, null, identity, profile);

    public static ChannelAuthResult Refuse(string problem) => new(false, 401, problem, null, null);

    public static ChannelAuthResult Unavailable(string problem) => new(false, 503, problem, null, null);
}
