using System.Text.Json.Serialization;

namespace Helpdesk.LoadTest.Connector;

/// <summary>The issuer's OpenID metadata: the host reads <c>jwks_uri</c> from it to find the signing keys.</summary>
internal sealed record OpenIdConfiguration(string Issuer, [property: JsonPropertyName("jwks_uri")] string JwksUri);
