namespace Helpdesk.Triage.Routing;

/// <summary>
/// SLA arithmetic as pure functions: how much working time has passed since a clock started, when
/// a target falls due, and whether it is at risk. Working time is every moment, or only business
/// hours when they are configured, minus the pauses (waiting on the customer or a third party).
/// </summary>
public static class SlaClock
{
    // Far enough for any realistic target in business hours; stops a misconfiguration from looping forever.
    private const int MaxDaysAhead = 3 * 366;

    /// <summary>Working time between <paramref name="start"/> and <paramref name="now"/>.</summary>
    public static TimeSpan Elapsed(DateTimeOffset start, DateTimeOffset now, IReadOnlyList<SlaPause> pauses, BusinessHours? hours)
    {
        var elapsed = TimeSpan.Zero;
        foreach (var (from, to) in WorkingSegments(start, pauses, hours))
        {
            if (from >= now) break;
            elapsed += (to < now ? to : now) - from;
        }

        return elapsed;
    }

    /// <summary>When <paramref name="target"/> of working time will have passed; null while a pause is open
    /// (the clock stands still, so there is no due time to give).</summary>
    public static DateTimeOffset? DueAt(DateTimeOffset start, TimeSpan target, IReadOnlyList<SlaPause> pauses, BusinessHours? hours)
    {
        var left = target;
        foreach (var (from, to) in WorkingSegments(start, pauses, hours))
        {
            if (left <= TimeSpan.Zero) return from;
            if (to - from >= left) return from + left;
            left -= to - from;
        }

        return null;
    }

    public static SlaStatus Status(DateTimeOffset start, DateTimeOffset now, TimeSpan target, IReadOnlyList<SlaPause> pauses, BusinessHours? hours, double atRiskFraction)
    {
        var elapsed = Elapsed(start, now, pauses, hours);
        if (elapsed >= target) return SlaStatus.Breached;
        if (pauses.Any(p => p.Until is null && p.From <= now)) return SlaStatus.Paused;
        return elapsed >= target * atRiskFraction ? SlaStatus.AtRisk : SlaStatus.OnTrack;
    }

    /// <summary>The stretches from <paramref name="start"/> on when the clock runs, in order.</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> WorkingSegments(DateTimeOffset start, IReadOnlyList<SlaPause> pauses, BusinessHours? hours)
    {
        var stops = pauses
            .Select(p => (From: p.From, To: p.Until ?? DateTimeOffset.MaxValue))
            .Where(p => p.To > p.From)
            .OrderBy(p => p.From)
            .ToList();

        foreach (var window in Windows(start, hours))
        {
            foreach (var piece in Subtract(window, stops)) yield return piece;
        }
    }

    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Windows(DateTimeOffset start, BusinessHours? hours)
    {
        if (hours is null)
        {
            yield return (start, DateTimeOffset.MaxValue);
            yield break;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (!hours.Days.Contains(day.DayOfWeek)) continue;
            var opens = Local(day, hours.Opens, zone);
            var closes = Local(day, hours.Closes, zone);
            if (closes <= start) continue;
            yield return (opens < start ? start : opens, closes);
        }
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The parts of a window outside every stop (stops sorted by start).</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Subtract((DateTimeOffset From, DateTimeOffset To) window, List<(DateTimeOffset From, DateTimeOffset To)> stops)
    {
        var cursor = window.From;
        foreach (var stop in stops)
        {
            if (stop.To <= cursor) continue;
            if (stop.From >= window.To) break;
            if (stop.From > cursor) yield return (cursor, stop.From);
            cursor = stop.To;
            if (cursor >= window.To) yield break;
        }

        if (cursor < window.To) yield return (cursor, window.To);
    }
}
