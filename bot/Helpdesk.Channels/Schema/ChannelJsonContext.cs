using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>Source-generated metadata for the wire types; reached through <see cref="ChannelJson.Options"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(Transcript))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(DirectLine.ActivitySet))]
[JsonSerializable(typeof(DirectLine.ConversationInfo))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(BotConnector.ConversationParameters))]
[JsonSerializable(typeof(BotConnector.ConversationResourceResponse))]
[JsonSerializable(typeof(DirectLine.DirectLineError))]
[JsonSerializable(typeof(DirectLine.TokenRequest))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ChannelJsonContext : JsonSerializerContext;
