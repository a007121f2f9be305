namespace Helpdesk.LoadTest.Reporting;

internal static class Percentiles
{
    /// <summary>
    /// The nearest-rank percentile of samples sorted ascending: the smallest sample that at least
    /// <paramref name="percentile"/> percent of the samples do not exceed. Always an observed value,
    /// never an interpolation, so p100 is the maximum and a p99 of few samples is honest about it.
    /// </summary>
    public static double NearestRank(ReadOnlySpan<double> sorted, double percentile)
    {
        if (sorted.IsEmpty) throw new ArgumentException("A percentile needs at least one sample.", nameof(sorted));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);

        // Multiplying before dividing keeps whole-number products exact (90 × 10 / 100 is 9, not 9.000000000000002).
        var rank = (int)Math.Ceiling(percentile * sorted.Length / 100);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
