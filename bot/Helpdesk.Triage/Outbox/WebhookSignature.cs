using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Triage.Outbox;

/// <summary>
/// Webhook signatures in the Standard Webhooks form, so receivers can use any of its libraries:
/// headers <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>
/// = <c>v1,</c> + base64 HMAC-SHA256 over "id.timestamp.body" with the shared secret.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string id, DateTimeOffset timestamp, string body)
    {
        var content = $"{id}.{timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{body}";
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(SecretBytes(secret), Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>True when one of the signatures in the header matches; compared in constant time.</summary>
    public static bool Verify(string secret, string id, DateTimeOffset timestamp, string body, string signatureHeader)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }

    // Standard Webhooks secrets are "whsec_" + base64; any other string is used as its UTF-8 bytes.
    private static byte[] SecretBytes(string secret)
    {
        const string Prefix = "whsec_";
        if (secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                return Convert.FromBase64String(secret[Prefix.Length..]);
            }
            catch (FormatException)
            {
                // Not base64 after all: fall through and use the text.
            }
        }

        return Encoding.UTF8.GetBytes(secret);
    }
}
