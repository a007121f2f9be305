namespace Helpdesk.Channels.Schema;

/// <summary>What to keep to message a conversation later (proactively). Only a <c>serviceUrl</c>
/// that came on an authenticated inbound activity may be trusted.</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }

    public ChannelAccount? User { get; init; }

    public ChannelAccount? Bot { get; init; }

    public required ConversationAccount Conversation { get; init; }

    public required string ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public string? Locale { get; init; }
}
