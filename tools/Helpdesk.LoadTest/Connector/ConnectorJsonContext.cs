using System.Text.Json.Serialization;
using Helpdesk.LoadTest.DirectLine;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// The wire types of connector mode, source-generated with the Bot Framework's conventions: camelCase,
/// nulls omitted, names read in any case. <see cref="ResourceResponse"/> is the same <c>{"id"}</c> Direct Line answers with.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ChannelActivity))]
[JsonSerializable(typeof(ExpectedRepliesBody))]
[JsonSerializable(typeof(BotActivity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(OpenIdConfiguration))]
[JsonSerializable(typeof(PublishedKeySet))]
[JsonSerializable(typeof(JwtHeader))]
[JsonSerializable(typeof(ChannelTokenClaims))]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(OAuthError))]
internal sealed partial class ConnectorJsonContext : JsonSerializerContext;
