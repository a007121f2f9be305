using System.Text.Json;

namespace Helpdesk.LoadTest.DirectLine;

/// <summary>
/// The part of a recorded activity the load test reads. Cards and suggested actions are left
/// unread: the test checks that the bot answered and that the case got a reference, not how it looks.
/// </summary>
internal sealed record ReceivedActivity(string? Type, string? Id, Account? From, string? Text, JsonElement? ChannelData)
{
    /// <summary>The <c>clientActivityID</c> the sender put in <c>channelData</c>, if any.</summary>
    public string? ClientActivityId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
