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

        var sample = LatencySample.Measure(calls, i => model.Predict(texts[i % texts.Length]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls:N0} single predictions over {texts.Length} test utterances: p50 {sample.Microseconds(0.5):F1} µs, p99 {sample.Microseconds(0.99):F1} µs, p99.9 {sample.Microseconds(0.999):F1} µs, max {sample.Microseconds(1):F1} µs"));
    }
}
