namespace Helpdesk.Triage.Outbox;

/// <summary>
/// When to try a failed delivery again, growing from the first delay: with the default 5 s that is
/// 5 s, 30 s, 2 min, 10 min, 30 min, then hourly; up to a fifth is added at random so many failed
/// deliveries do not retry in one burst. Null after the last attempt: the event is dead-lettered.
/// </summary>
public static class RetrySchedule
{
    public static readonly TimeSpan DefaultFirstDelay = TimeSpan.FromSeconds(5);

    private static readonly int[] Multiples = [1, 6, 24, 120, 360, 720];

    /// <param name="attempts">Attempts made so far, including the one that just failed.</param>
    /// <param name="jitter">A number in [0, 1); the caller's random source, so this stays a pure function.</param>
    public static DateTimeOffset? Next(int attempts, int maxAttempts, DateTimeOffset now, double jitter, TimeSpan firstDelay)
    {
        if (attempts >= maxAttempts) return null;
        var delay = firstDelay * Multiples[Math.Clamp(attempts, 1, Multiples.Length) - 1];
        return now + delay + (delay * 0.2 * Math.Clamp(jitter, 0, 1));
    }
}
