using System.Collections.Concurrent;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// Where the bot's token may be sent: service URLs an authenticated inbound activity proved (its
/// token's <c>serviceurl</c> claim) and the configured allow-list. Anything else never sees the
/// token, so a forged conversation reference cannot make the bot leak it.
/// </summary>
public sealed class ServiceUrlTrust(IEnumerable<string> allowList)
{
    private readonly string[] _allowed = [.. allowList.Select(Normalize)];
    private readonly ConcurrentDictionary<string, byte> _proven = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The addresses of Microsoft's channels the bot may always call.</summary>
    public static IReadOnlyList<string> MicrosoftChannels { get; } =
    [
        "https://smba.trafficmanager.net/",
        "https://directline.botframework.com/",
        "https://europe.directline.botframework.com/",
        "https://india.directline.botframework.com/",
        "https://webchat.botframework.com/",
    ];

    public void Prove(string serviceUrl) => _proven[Normalize(serviceUrl)] = 0;

    public bool IsTrusted(string serviceUrl)
    {
        var url = Normalize(serviceUrl);
        return _proven.ContainsKey(url) || _allowed.Any(prefix => url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Always with a trailing slash, so "https://a.example/" never vouches for "https://a.example.evil/".</summary>
    public static string Normalize(string serviceUrl) => serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
}
