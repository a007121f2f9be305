using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Channels.DirectLine;

/// <summary>The "DirectLine" configuration: the secret, token lifetimes and the server's limits.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>The Direct Line secret; tokens are HMAC-SHA256-signed with a key derived from it.
    /// It never leaves the server: pages get conversation tokens instead.</summary>
    [Required, MinLength(32)] public string Secret { get; set; } = "";

    /// <summary>Token lifetime. Direct Line's is 30 minutes; DirectLineJS refreshes every 15 minutes
    /// whatever <c>expires_in</c> says, so anything shorter than about 16 minutes breaks long chats.</summary>
    [Range(typeof(TimeSpan), "00:16:00", "24:00:00")] public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may wait before the client connects.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")] public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Idle WebSockets get an empty frame this often, so proxies do not close them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The bot's account on this channel (<c>from</c> of its activities).</summary>
    [Required] public string BotId { get; set; } = "helpdesk-bot";

    [Required] public string BotName { get; set; } = "Support assistant";

    /// <summary>Most activities one GET returns; the watermark lets the client fetch the rest.</summary>
    [Range(10, 10_000)] public int MaxActivitiesPerRead { get; set; } = 500;

    /// <summary>The largest activity a client may post; larger bodies get 413 and are not stored.</summary>
    [Range(1_024, 4 * 1024 * 1024)] public int MaxActivityBytes { get; set; } = 256 * 1024;
}
