namespace Helpdesk.Bot.Teams;

/// <summary>
/// The "Teams:AgentsChannel" configuration: the Teams channel where every new or escalated case is
/// posted as a card with "Claim" and "Open in console". Off unless both addresses are set; the bot
/// must be installed in that team, and <see cref="ServiceUrl"/> is the one Teams sends from there.
/// </summary>
internal sealed class AgentsChannelOptions
{
    public const string Section = "Teams:AgentsChannel";

    /// <summary>The Connector address of the team, e.g. https://smba.trafficmanager.net/emea/.</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>The channel's conversation id, e.g. 19:…@thread.tacv2.</summary>
    public string ConversationId { get; set; } = "";

    /// <summary>Where agents open the console, for the card's link, e.g. https://support.example.com.</summary>
    public string ConsoleUrl { get; set; } = "";

    public bool IsEnabled => ServiceUrl.Length > 0 && ConversationId.Length > 0;
}
