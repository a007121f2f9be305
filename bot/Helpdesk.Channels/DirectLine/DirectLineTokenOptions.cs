using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Channels.DirectLine;

/// <summary>How Direct Line conversation tokens are signed and how long they live.</summary>
public sealed class DirectLineTokenOptions
{
    public const string Section = "DirectLine";

    /// <summary>The Direct Line secret; tokens are HMAC-SHA256-signed with a key derived from it.
    /// It never leaves the server: pages get conversation tokens instead.</summary>
    [Required, MinLength(32)] public string Secret { get; set; } = "";

    /// <summary>Token lifetime; Direct Line's is 30 minutes, renewable with a refresh before it ends.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "24:00:00")] public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);
}
