using BenchmarkDotNet.Attributes;
using Helpdesk.Classifier.Model;

namespace Helpdesk.Benchmarks.Classifier;

/// <summary>One prediction on the shipped model, for texts of typical and extreme length.</summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private IntentModel _model = null!;
    private string _hundredKilobytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ShippedModel.Train();
        _hundredKilobytes = string.Concat(Enumerable.Repeat("my package never arrived and the tracking page shows an error ", 1700));
    }

    [Benchmark]
    public IntentPrediction FewWords() => _model.Predict("refund pls");

    [Benchmark(Baseline = true)]
    public IntentPrediction Typical() => _model.Predict("Hi, I was charged twice for my Plus plan this month (ACC-20931), can you fix it?");

    [Benchmark]
    public IntentPrediction HundredKilobytes() => _model.Predict(_hundredKilobytes);
}
