namespace Helpdesk.LoadTest.Reporting;

/// <summary>Nearest-rank percentiles of one kind of request, in milliseconds to two decimals; all zero without samples.</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).ToArray();
        if (sorted.Length == 0) return new LatencySummary(0, 0, 0, 0, 0);

        Array.Sort(sorted);
        return new LatencySummary(sorted.Length,
            Math.Round(Percentiles.NearestRank(sorted, 50), 2),
            Math.Round(Percentiles.NearestRank(sorted, 90), 2),
            Math.Round(Percentiles.NearestRank(sorted, 99), 2),
            Math.Round(sorted[^1], 2));
    }
}
