using System.Text.Json.Serialization;

namespace Helpdesk.LoadTest.DirectLine;

/// <summary>The wire types, source-generated with the Bot Framework's conventions: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(StartConversationRequest))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(OutgoingMessage))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ActivitySet))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
