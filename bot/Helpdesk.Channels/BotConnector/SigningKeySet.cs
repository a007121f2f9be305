using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Channels.BotConnector;

/// <summary>One published signing key and, for channel keys, the channels it is endorsed for.</summary>
public sealed record SigningKey(SecurityKey Key, IReadOnlyList<string>? Endorsements);

/// <summary>
/// A JWKS document read by hand: IdentityModel does not surface the Bot Framework's <c>endorsements</c>
/// array reliably, and the endorsement check needs it per key id.
/// </summary>
public static class SigningKeySet
{
    /// <summary>The RSA keys of a JWKS document by key id; other key types are skipped.</summary>
    public static IReadOnlyDictionary<string, SigningKey> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("keys", out var entries) || entries.ValueKind != JsonValueKind.Array) return keys;

        foreach (var entry in entries.EnumerateArray())
        {
            if (Text(entry, "kty") != "RSA" || Text(entry, "kid") is not { } kid || Text(entry, "n") is not { } modulus || Text(entry, "e") is not { } exponent) continue;
            var key = new JsonWebKey { Kty = "RSA", Kid = kid, N = modulus, E = exponent };
            IReadOnlyList<string>? endorsements = entry.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : null;
            keys[kid] = new SigningKey(key, endorsements);
        }

        return keys;
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
