using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>A participant: a user or the bot. <c>aadObjectId</c> is the Entra object id Teams sends.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    /// <summary>"user" or "bot"; some channels send a number, which is read as text.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Role { get; init; }

    // Settable because System.Text.Json cannot fill extension data through an init accessor.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }
}
