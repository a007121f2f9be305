namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// An activity as Azure Bot Service delivers it to the bot's <c>/api/messages</c>: addressed from the
/// customer to the bot, in one conversation, with the <c>serviceUrl</c> the bot must reply to.
/// </summary>
internal sealed record ChannelActivity(
    string Type,
    string Id,
    DateTimeOffset Timestamp,
    string ChannelId,
    string ServiceUrl,
    ChannelAccount From,
    ChannelAccount Recipient,
    ConversationAccount Conversation,
    string? Locale = null,
    string? Text = null,
    IReadOnlyList<ChannelAccount>? MembersAdded = null,
    string? DeliveryMode = null);
