using System.Globalization;
using BenchmarkDotNet.Running;
using Helpdesk.Benchmarks.Classifier;
using Helpdesk.Benchmarks.Knowledge;

// "latency [calls]" and "search-latency [queries]" print per-call percentiles, "synthetic [file [labels [per-label]]]"
// writes the synthetic training set; anything else goes to BenchmarkDotNet (e.g. "--filter *Prediction*").
int Count(int fallback) => args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "latency":
        LatencyProbe.Run(Count(200_000));
        break;
    case "search-latency":
        SearchLatencyProbe.Run(Count(20_000));
        break;
    case "synthetic":
        // Writes a synthetic training set as CSV (default 10,010 utterances × 77 labels), to time the CLI's train on it.
        SyntheticIntents.WriteCsv(
            args.Length > 1 ? args[1] : "synthetic.csv",
            labels: args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 77,
            perLabel: args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 130);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
        break;
}
