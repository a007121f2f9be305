namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// Connector mode: the one address where the tool stands in for Azure Bot Service (channel token
/// issuer, identity platform token endpoint and Connector REST API), which is also every activity's
/// <c>serviceUrl</c>; the bot's app id; the issuer the channel tokens name; the client secret the
/// host must present for its own tokens; and whether activities ask for their replies in the response
/// (<c>deliveryMode: expectReplies</c>) instead of through the Connector.
/// </summary>
internal sealed record ConnectorSettings(Uri Listen, string AppId, string Issuer, string ClientSecret, bool ExpectReplies = false)
{
    public const string DefaultIssuer = "https://loadtest.helpdesk.local/channel";

    public const string DefaultClientSecret = "loadtest-client-secret";

    /// <summary>
    /// The channel the activities name. The host only accepts a channel token whose signing key is
    /// endorsed for the activity's channel, so the published key carries this endorsement.
    /// </summary>
    public const string ChannelId = "webchat";

    /// <summary>
    /// The listen address with its trailing slash, as activity <c>serviceUrl</c> and token
    /// <c>serviceurl</c> claim alike: the host compares the two as strings.
    /// </summary>
    public string ServiceUrl => Listen.ToString();

    /// <summary>
    /// The address as given, or null unless it is an absolute http address with no path: the host asks
    /// for its tokens at the root (<c>{authority}/{tenant}/oauth2/v2.0/token</c>), so everything lives there.
    /// </summary>
    public static Uri? ParseListen(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp
        && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0
            ? url
            : null;
}
