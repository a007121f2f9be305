using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>Metadata keyed by <c>type</c> (mention, clientInfo, ClientCapabilities, …); everything
/// else about an entity is kept as it came.</summary>
public sealed record Entity
{
    public required string Type { get; init; }

    // Settable because System.Text.Json cannot fill extension data through an init accessor.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}
