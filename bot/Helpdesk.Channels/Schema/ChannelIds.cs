namespace Helpdesk.Channels.Schema;

/// <summary>The <c>channelId</c> values the bot treats differently.</summary>
public static class ChannelIds
{
    public const string Teams = "msteams";
}
