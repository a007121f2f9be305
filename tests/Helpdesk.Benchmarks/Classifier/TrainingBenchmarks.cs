using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Benchmarks.Classifier;

/// <summary>Whole training runs: the shipped data, and 10,010 synthetic utterances over 77 labels.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private IReadOnlyList<LabeledUtterance> _shipped = null!;
    private IReadOnlyList<LabeledUtterance> _synthetic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _shipped = UtteranceFile.Load(ShippedModel.RepositoryPath("classifier", "data", "train.csv"));
        _synthetic = SyntheticIntents.Generate(labels: 77, perLabel: 130);
    }

    [Benchmark]
    public IntentModel ShippedData() => new IntentTrainer(new TrainerOptions { OutOfScopeLabel = "out_of_scope" }).Fit(_shipped);

    [Benchmark]
    public IntentModel Synthetic10kBy77() => new IntentTrainer(new TrainerOptions()).Fit(_synthetic);
}
