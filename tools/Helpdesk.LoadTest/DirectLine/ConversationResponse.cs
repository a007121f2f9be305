using System.Text.Json.Serialization;

namespace Helpdesk.LoadTest.DirectLine;

/// <summary>Direct Line's answer to starting a conversation; it spells <c>expires_in</c> in snake case.</summary>
internal sealed record ConversationResponse(
    string? ConversationId,
    string? Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);
