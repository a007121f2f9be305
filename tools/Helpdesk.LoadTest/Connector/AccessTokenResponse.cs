using System.Text.Json.Serialization;

namespace Helpdesk.LoadTest.Connector;

/// <summary>The identity platform's answer to a client-credentials request, in its snake case.</summary>
internal sealed record AccessTokenResponse(
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("access_token")] string AccessToken);
