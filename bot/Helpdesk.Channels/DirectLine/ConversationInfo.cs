using System.Text.Json.Serialization;

namespace Helpdesk.Channels.DirectLine;

/// <summary>Direct Line's Conversation object: the id, a token for it and where to stream it.</summary>
public sealed record ConversationInfo(
    string ConversationId,
    string? Token,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    string? StreamUrl);
