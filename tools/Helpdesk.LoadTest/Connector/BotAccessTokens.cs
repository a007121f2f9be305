using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// The Microsoft identity platform's client-credentials grant as the host uses it, and the check the
/// Connector makes on each call: the bearer token must be one handed to the bot's app id and secret.
/// The tokens are random strings; only this process has to recognise them.
/// </summary>
internal sealed class BotAccessTokens(ConnectorSettings settings)
{
    public const int LifetimeSeconds = 3600;

    private readonly ConcurrentDictionary<string, byte> _issued = new(StringComparer.Ordinal);

    /// <summary>A new token, or null when the client is not the bot or the secret is wrong.</summary>
    public string? Issue(string? clientId, string? clientSecret)
    {
        if (!string.Equals(clientId, settings.AppId, StringComparison.Ordinal) || !string.Equals(clientSecret, settings.ClientSecret, StringComparison.Ordinal))
        {
            return null;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _issued[token] = 0;
        return token;
    }

    /// <summary>Whether an Authorization header carries a bearer token this endpoint issued.</summary>
    public bool Accepts(string? authorization)
    {
        const string Scheme = "Bearer ";
        return authorization is not null && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && _issued.ContainsKey(authorization[Scheme.Length..].Trim());
    }
}
