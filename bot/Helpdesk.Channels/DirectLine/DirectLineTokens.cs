using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line conversation tokens: JWTs signed with HMAC-SHA256, naming exactly
/// one conversation and one user, so a token can never read or post to another conversation.
/// Time comes from the injected clock; nothing here touches the network or storage.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "helpdesk-directline";
    private const string ConversationAudience = "directline";
    private const string StreamAudience = "directline-stream";
    private const string ConversationClaim = "conv";

    // Web Chat reads the user id from a "user" claim when the token is a JWT it can decode.
    private const string UserClaim = "user";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _streamLifetime;

    public DirectLineTokens(DirectLineOptions options, TimeProvider time)
    {
        // Derive the signing key, so the secret itself is never a key used on the wire.
        var key = new SymmetricSecurityKey(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), "helpdesk directline token key"u8));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _time = time;
        _lifetime = options.Lifetime;
        _streamLifetime = options.StreamUrlLifetime;
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudiences = [ConversationAudience, StreamAudience],
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // Lifetime is checked against the injected clock below, not the machine's.
            ValidateLifetime = false,
        };
    }

    /// <summary>A conversation token: what pages hold and send as the bearer token.</summary>
    public IssuedToken Issue(string conversationId, string userId) => Create(conversationId, userId, ConversationAudience, _lifetime);

    /// <summary>A short-lived token for one WebSocket connection; it is only good in a stream URL.</summary>
    public IssuedToken IssueStream(string conversationId, string userId) => Create(conversationId, userId, StreamAudience, _streamLifetime);

    public Task<TokenCheck> CheckAsync(string? token) => CheckAsync(token, ConversationAudience);

    public Task<TokenCheck> CheckStreamAsync(string? token) => CheckAsync(token, StreamAudience);

    private IssuedToken Create(string conversationId, string userId, string audience, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId), new Claim(UserClaim, userId), new Claim(ConversationClaim, conversationId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = _credentials,
        });
        return new IssuedToken(token, conversationId, userId, (int)lifetime.TotalSeconds);
    }

    private async Task<TokenCheck> CheckAsync(string? token, string audience)
    {
        if (string.IsNullOrWhiteSpace(token)) return TokenCheck.Refused(TokenProblem.Invalid);

        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || !jwt.Audiences.Contains(audience, StringComparer.Ordinal))
        {
            return TokenCheck.Refused(TokenProblem.Invalid);
        }

        if (jwt.ValidTo <= _time.GetUtcNow().UtcDateTime) return TokenCheck.Refused(TokenProblem.Expired);

        return jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversation) && jwt.Subject is { Length: > 0 } user
            ? new TokenCheck(null, conversation, user)
            : TokenCheck.Refused(TokenProblem.Invalid);
    }

    /// <summary>A fresh token for the same conversation and user; null when the old one is no longer valid.</summary>
    public async Task<IssuedToken?> RefreshAsync(string? token)
    {
        var check = await CheckAsync(token);
        return check.IsValid ? Issue(check.ConversationId!, check.UserId!) : null;
    }
}
