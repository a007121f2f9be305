using System.Text.Json.Serialization;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// What a channel token asserts: who issued it, which bot it is for, the service URL the bot may
/// reply to, and when it is valid (seconds since the Unix epoch).
/// </summary>
internal sealed record ChannelTokenClaims(
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("aud")] string Audience,
    [property: JsonPropertyName("serviceurl")] string ServiceUrl,
    [property: JsonPropertyName("nbf")] long NotBefore,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long Expires);
