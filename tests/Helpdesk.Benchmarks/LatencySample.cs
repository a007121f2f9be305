using System.Diagnostics;

namespace Helpdesk.Benchmarks;

/// <summary>Times each of many calls and reports percentiles of the single-call latency.</summary>
internal sealed class LatencySample
{
    private readonly long[] _ticks;

    private LatencySample(long[] ticks) => _ticks = ticks;

    public static LatencySample Measure(int calls, Action<int> call)
    {
        var ticks = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call(i);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        return new LatencySample(ticks);
    }

    public double Microseconds(double quantile) =>
        _ticks[(int)Math.Min(_ticks.Length - 1, quantile * _ticks.Length)] * 1e6 / Stopwatch.Frequency;
}
