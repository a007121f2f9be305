using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>The conversation an activity belongs to; <c>conversationType</c> and <c>tenantId</c> come from Teams.</summary>
public sealed record ConversationAccount
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public string? AadObjectId { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Role { get; init; }

    // Settable because System.Text.Json cannot fill extension data through an init accessor.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}
