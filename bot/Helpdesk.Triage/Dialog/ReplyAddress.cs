namespace Helpdesk.Triage.Dialog;

/// <summary>A Bot Connector conversation's address (Teams, or Web Chat through Azure Bot Service): the
/// channel, its service URL and the bot's account there, so agents' messages can reach it later.</summary>
public sealed record ReplyAddress(string ChannelId, string ServiceUrl, string? BotId, string? BotName);
