using System.Diagnostics;
using System.Globalization;
using Helpdesk.Classifier.Data;

namespace Helpdesk.Benchmarks.Classifier;

/// <summary>
/// Per-call latency percentiles of single predictions, which BenchmarkDotNet's per-iteration means
/// do not show: times each of many calls on the shipped model and prints p50, p99 and p99.9.
/// </summary>
internal static class LatencyProbe
{
    public static void Run(int calls)
    {
        var model = ShippedModel.Train();
        var texts = UtteranceFile.Load(ShippedModel.RepositoryPath("classifier", "data", "test.csv")).Select(e => e.Text).ToArray();
        for (var i = 0; i < 20_000; i++) model.Predict(texts[i % texts.Length]); // JIT and tiering settle

        var ticks = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Predict(texts[i % texts.Length]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        double Micro(double quantile) => ticks[(int)Math.Min(calls - 1, quantile * calls)] * 1e6 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls:N0} single predictions over {texts.Length} test utterances: p50 {Micro(0.5):F1} µs, p99 {Micro(0.99):F1} µs, p99.9 {Micro(0.999):F1} µs, max {Micro(1):F1} µs"));
    }
}
