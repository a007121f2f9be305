namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// The "BotConnector:Credentials" configuration: how the bot proves itself to channels (client
/// credentials from the Microsoft identity platform). The token endpoint follows the app type: a
/// single-tenant bot asks its own tenant, a multi-tenant bot the botframework.com tenant.
/// </summary>
public sealed class BotTokenOptions
{
    public const string Section = "BotConnector:Credentials";

    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>The identity platform's host; a test issuer or sovereign cloud replaces it.</summary>
    public string Authority { get; set; } = "https://login.microsoftonline.com";

    public string ClientSecret { get; set; } = "";

    public string Scope { get; set; } = BotFrameworkScope;

    /// <summary>The token endpoint for this bot: <c>{authority}/{tenant or botframework.com}/oauth2/v2.0/token</c>.</summary>
    public Uri TokenEndpoint(ChannelAuthOptions bot) =>
        new($"{Authority.TrimEnd('/')}/{(string.IsNullOrWhiteSpace(bot.TenantId) ? "botframework.com" : bot.TenantId)}/oauth2/v2.0/token");
}
