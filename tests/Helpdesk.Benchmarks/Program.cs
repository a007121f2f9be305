using System.Globalization;
using BenchmarkDotNet.Running;
using Helpdesk.Benchmarks.Classifier;
using Helpdesk.Benchmarks.Knowledge;

// "latency [calls]" and "search-latency [queries]" print per-call percentiles; anything else goes
// to BenchmarkDotNet (e.g. "--filter *Prediction*").
int Count(int fallback) => args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "latency":
        LatencyProbe.Run(Count(200_000));
        break;
    case "search-latency":
        SearchLatencyProbe.Run(Count(20_000));
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
        break;
}
