using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Channels.DirectLine;

/// <summary>What a request's bearer credential allows: everything (the secret), one conversation
/// (a token), or nothing, with the reason.</summary>
public sealed record DirectLineGrant(bool IsSecret, TokenCheck Token)
{
    public bool IsValid => IsSecret || Token.IsValid;

    public bool Allows(string conversationId) => IsSecret || Token.Grants(conversationId);

    public static async Task<DirectLineGrant> FromAsync(string? authorization, string secret, DirectLineTokens tokens)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return new DirectLineGrant(false, TokenCheck.Refused(TokenProblem.Invalid));
        }

        var credential = authorization[Bearer.Length..].Trim();
        return IsTheSecret(credential, secret)
            ? new DirectLineGrant(true, TokenCheck.Refused(TokenProblem.Invalid))
            : new DirectLineGrant(false, await tokens.CheckAsync(credential));
    }

    // Constant time, so response timing does not reveal how much of a guess was right.
    private static bool IsTheSecret(string credential, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(credential)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
