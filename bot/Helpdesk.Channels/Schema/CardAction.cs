using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>A button: <c>imBack</c> and <c>messageBack</c> work on every channel (Teams has no <c>postBack</c>).</summary>
public sealed record CardAction
{
    public required string Type { get; init; }

    public string? Title { get; init; }

    public string? Image { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public JsonElement? Value { get; init; }

    // Settable because System.Text.Json cannot fill extension data through an init accessor.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}
