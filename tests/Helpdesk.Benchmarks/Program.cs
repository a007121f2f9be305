using BenchmarkDotNet.Running;
using Helpdesk.Benchmarks.Classifier;

// "latency [calls]" prints per-call percentiles; anything else goes to BenchmarkDotNet
// (e.g. "--filter *Prediction*").
if (args.Length > 0 && args[0] == "latency")
{
    LatencyProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
