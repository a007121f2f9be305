using System.Net.Http.Headers;

namespace Helpdesk.Channels.BotConnector;

/// <summary>How hard outbound calls try: attempts in all, and the first delay, which doubles (with jitter) each time.</summary>
public sealed class ConnectorRetryOptions
{
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a channel's Retry-After is waited for; beyond it the call fails rather than hold a turn.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more): the channel's Retry-After when it
    /// gave one, else the first delay doubled per attempt with up to 20 % jitter; never above <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayBefore(int attempt, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
        var backoff = FirstDelay * Math.Pow(2, attempt - 2) * (1 + (Random.Shared.NextDouble() * 0.2));
        var delay = asked is { } wanted && wanted > TimeSpan.Zero ? wanted : asked is not null ? TimeSpan.Zero : backoff;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
