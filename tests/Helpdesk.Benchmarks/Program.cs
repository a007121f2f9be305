using BenchmarkDotNet.Running;
using Helpdesk.Benchmarks.Classifier;

// "latency" and "search-latency" print per-call percentiles; anything else goes to
// BenchmarkDotNet (e.g. "--filter *Prediction*").
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
switch (args.FirstOrDefault())
{
    case "latency":
        LatencyProbe.Run(count > 0 ? count : 200_000);
        return;
    case "search-latency":
        Helpdesk.Benchmarks.Knowledge.SearchLatencyProbe.Run(count > 0 ? count : 20_000);
        return;
}

BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
