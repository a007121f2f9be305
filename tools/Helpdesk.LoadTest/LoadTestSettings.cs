using Helpdesk.LoadTest.Connector;
using Helpdesk.LoadTest.Webhooks;

namespace Helpdesk.LoadTest;

/// <summary>
/// One run's parameters, checked. <see cref="Url"/> ends with a slash so paths resolve beneath it;
/// <see cref="Webhooks"/> is null unless the built-in webhook receiver is to run; <see cref="Connector"/>
/// is null over Direct Line and set when the conversations go through the host's Bot Connector endpoint.
/// </summary>
internal sealed record LoadTestSettings(
    Uri Url, int Conversations, int Concurrency, int Warmup, string? JsonPath, TimeSpan Timeout, TimeSpan ThinkTime, WebhookSettings? Webhooks,
    ConnectorSettings? Connector)
{
    /// <summary>The address as given, or null when it is not an absolute http or https address.</summary>
    public static Uri? ParseUrl(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)) return null;
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }
}
