namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// A family of token issuers and how their tokens are checked: channel tokens (Azure Bot Service, or a
/// local channel) must carry a signing key endorsed for the activity's channel and a <c>serviceurl</c>
/// claim equal to the activity's; Entra tokens (Emulator, agent-to-agent) must name the bot in
/// <c>appid</c> (v1) or <c>azp</c> (v2).
/// </summary>
public sealed record IssuerProfile(string Name, IReadOnlyList<string> Issuers, string MetadataUrl, bool IsChannel)
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The tenants Bot Framework's Emulator and agent tokens come from.</summary>
    private static readonly string[] BotFrameworkTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    /// <summary>Every profile the options trust, channels first.</summary>
    public static IReadOnlyList<IssuerProfile> From(ChannelAuthOptions options)
    {
        var tenants = BotFrameworkTenants.Concat(string.IsNullOrWhiteSpace(options.TenantId) ? [] : [options.TenantId]);
        List<IssuerProfile> profiles =
        [
            new("Azure Bot Service", [BotFrameworkIssuer], options.ChannelMetadataUrl, IsChannel: true),
            .. options.LocalIssuers.Select(local => new IssuerProfile("Local channel " + local.Issuer, [local.Issuer], local.MetadataUrl, IsChannel: true)),
            new("Entra", [.. tenants.SelectMany(tenant => new[] { $"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0" })], options.EntraMetadataUrl, IsChannel: false),
        ];
        return profiles;
    }

    /// <summary>The profile that trusts <paramref name="issuer"/>, or null: an unknown issuer is refused before any key is fetched.</summary>
    public static IssuerProfile? For(IReadOnlyList<IssuerProfile> profiles, string issuer) =>
        profiles.FirstOrDefault(profile => profile.Issuers.Contains(issuer, StringComparer.Ordinal));
}
