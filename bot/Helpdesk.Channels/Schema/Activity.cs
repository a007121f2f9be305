using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>
/// A Bot Framework activity (protocol v3): everything a channel and a bot say to each other.
/// Immutable; fields it does not model survive a read and write through <see cref="Unknown"/>.
/// <c>channelData</c>, <c>value</c> and entity bodies are open JSON by design.
/// </summary>
public sealed record Activity
{
    public required string Type { get; init; }

    /// <summary>Assigned by the channel when it records the activity; bots do not set it.</summary>
    public string? Id { get; init; }

    /// <summary>When the channel recorded it (UTC); bots do not set it.</summary>
    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? Speak { get; init; }

    public string? InputHint { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public string? AttachmentLayout { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public JsonElement? Value { get; init; }

    public string? Name { get; init; }

    public ConversationReference? RelatesTo { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public string? Action { get; init; }

    public string? Code { get; init; }

    public string? DeliveryMode { get; init; }

    /// <summary>Set by the bot after authenticating the sender; never trusted from the wire.</summary>
    public string? CallerId { get; init; }

    // Settable because System.Text.Json cannot fill extension data through an init accessor.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; set; }

    /// <summary>A message answering this activity: the same conversation, channel and service URL,
    /// sender and recipient swapped, <c>replyToId</c> pointing here, and no id or timestamp (the
    /// channel assigns those).</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        ReplyToId = Id,
        Locale = Locale,
    };
}
