using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>A card or file: inline <c>content</c> (card JSON) or a <c>contentUrl</c>, not both.</summary>
public sealed record Attachment
{
    public required string ContentType { get; init; }

    public JsonElement? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    public string? ThumbnailUrl { get; init; }

    // Settable because System.Text.Json cannot fill extension data through an init accessor.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}
