namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// The "BotConnector" configuration: who the bot is to Azure Bot Service and whose tokens it trusts
/// on <c>/api/messages</c>. The endpoints default to Microsoft's; tests and self-hosted channels add
/// a local issuer with its own metadata.
/// </summary>
public sealed class ChannelAuthOptions
{
    public const string Section = "BotConnector";

    /// <summary>The bot's Microsoft App ID: the audience every inbound token must name.</summary>
    public string AppId { get; set; } = "";

    /// <summary>For a single-tenant bot, its Entra tenant: that tenant's issuers are trusted too, and
    /// outbound tokens come from it. Empty for a multi-tenant bot.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Local development only (the host refuses it elsewhere): requests without a token are
    /// accepted, so the Bot Framework Emulator can talk to the bot without an app registration.</summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>Where Azure Bot Service publishes the keys channels sign with (with endorsements).</summary>
    public string ChannelMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where Entra publishes the keys for Emulator and agent-to-agent tokens.</summary>
    public string EntraMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>More channel issuers: a self-hosted Direct Line, or a test issuer on loopback.</summary>
    public List<LocalIssuer> LocalIssuers { get; set; } = [];

    /// <summary>Signing keys are fetched again at least this often (keys change without notice).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>An issuer trusted like a Bot Framework channel (endorsements and the serviceurl claim are checked).</summary>
public sealed class LocalIssuer
{
    public string Issuer { get; set; } = "";

    public string MetadataUrl { get; set; } = "";
}
