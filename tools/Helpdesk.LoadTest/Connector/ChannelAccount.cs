namespace Helpdesk.LoadTest.Connector;

/// <summary>A member of a conversation as the Bot Framework names it: the customer, or the bot by its app id.</summary>
internal sealed record ChannelAccount(string Id, string? Name = null);
