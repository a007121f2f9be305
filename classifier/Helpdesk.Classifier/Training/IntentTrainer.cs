using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Evaluation;
using Helpdesk.Classifier.Features;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Text;

namespace Helpdesk.Classifier.Training;

/// <summary>
/// Fits an <see cref="IntentModel"/>: holds back a stratified validation split, learns the
/// vocabulary, trains a softmax model with early stopping on the split (and, in lockstep, a twin
/// on all the data), calibrates confidence by temperature scaling, and picks the out-of-scope
/// threshold. Epochs, temperature and threshold are chosen on data the chosen weights never saw.
/// </summary>
public sealed class IntentTrainer(TrainerOptions options, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public TrainerOptions Options { get; } = options;

    public IntentModel Fit(IReadOnlyList<LabeledUtterance> examples, CancellationToken cancellationToken = default)
    {
        Options.Validate();
        TrainingSetCheck.Validate(examples, Options);
        var started = _time.GetTimestamp();

        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var y = examples.Select(e => labelIndex[e.Label]).ToArray();
        var normalized = new string[examples.Count];
        Parallel.For(0, examples.Count, i => normalized[i] = TextNormalizer.Normalize(examples[i].Text, Options.Featurizer.MaxCharacters));

        var (trainingPart, validationPart) = StratifiedSplit.Split(y, Options.ValidationFraction, Options.Seed);
        var maxFeatures = FeatureBudget.MaxFeaturesFor(labels.Length, Options.Featurizer.MaxFeatures, Options.ModelBytesBudget);
        DocumentFrequencies trainingCounts = null!, validationCounts = null!;
        Parallel.Invoke(
            () => trainingCounts = DocumentFrequencies.Count(trainingPart.Select(i => normalized[i]), Options.Featurizer),
            () => validationCounts = DocumentFrequencies.Count(validationPart.Select(i => normalized[i]), Options.Featurizer));
        var featurizer = trainingCounts.Build(Options.Featurizer, maxFeatures);
        var fullFeaturizer = Options.RefitOnAllData ? trainingCounts.Plus(validationCounts).Build(Options.Featurizer, maxFeatures) : null;

        var training = Prepare(featurizer, normalized, y, trainingPart, labels.Length);
        var validation = Prepare(featurizer, normalized, y, validationPart, labels.Length);
        var everything = fullFeaturizer is null
            ? ((TrainingData, int)?)null
            : (Prepare(fullFeaturizer, normalized, y, Enumerable.Range(0, examples.Count).ToArray(), labels.Length), fullFeaturizer.FeatureCount);

        var (best, refit) = EarlyStopping.Train(training, validation, featurizer.FeatureCount, everything, labels.Length, Options, cancellationToken);
        var temperature = TemperatureScaling.Fit(Logits(best, validation), validation.Labels, labels.Length);
        var outOfScopeIndex = Options.OutOfScopeLabel is { } oos ? labelIndex[oos] : -1;
        var threshold = ChooseThreshold(best, validation, temperature, labels.Length, outOfScopeIndex);
        var validationModel = BuildModel(labels, featurizer, best, temperature, threshold, Provisional);
        var validationExamples = validationPart.Select(i => examples[i]).ToList();
        var validationReport = Evaluator.Evaluate(validationModel, validationExamples, Options.OutOfScopeLabel);

        // Without an out-of-scope class the report scores the top label; what the threshold costs
        // is measured by scoring rejections as a (never expected) out-of-scope label.
        var atThreshold = Options.OutOfScopeLabel is null
            ? Evaluator.Evaluate(validationModel, validationExamples, IntentModel.DefaultOutOfScopeLabel).InScopeAccuracy!.Value
            : validationReport.InScopeAccuracy!.Value;

        var metadata = new ModelMetadata
        {
            TrainedAt = _time.GetUtcNow(),
            DataHash = DataHash.Of(examples),
            Seed = Options.Seed,
            TrainingExamples = refit is null ? trainingPart.Length : examples.Count,
            ValidationExamples = validationPart.Length,
            Epochs = best.Epochs,
            RefitOnAllData = refit is not null,
            TrainingSeconds = Math.Round(_time.GetElapsedTime(started).TotalSeconds, 3),
            Validation = new ValidationSummary(
                validationReport.Accuracy,
                validationReport.MacroF1,
                validationReport.LogLoss,
                validationReport.ExpectedCalibrationError,
                atThreshold,
                validationReport.OosRecall),
        };

        return refit is null
            ? BuildModel(labels, featurizer, best, temperature, threshold, metadata)
            : BuildModel(labels, fullFeaturizer!, refit, temperature, threshold, metadata);
    }

    private double ChooseThreshold(FittedWeights weights, TrainingData validation, double temperature, int labelCount, int outOfScopeIndex)
    {
        var inScope = new List<(double, bool)>();
        var logits = Logits(weights, validation);
        for (var i = 0; i < logits.Count; i++)
        {
            var probabilities = logits[i].AsSpan(0, labelCount);
            IntentModel.Softmax(probabilities, (float)temperature);
            var best = 0;
            for (var c = 1; c < labelCount; c++)
            {
                if (probabilities[c] > probabilities[best]) best = c;
            }

            if (validation.Labels[i] == outOfScopeIndex) continue;
            inScope.Add((probabilities[best], best == validation.Labels[i]));
        }

        return ThresholdSelector.Choose(inScope, Options.MaxInScopeAccuracyLoss);
    }

    private static List<float[]> Logits(FittedWeights weights, TrainingData data)
    {
        var rowLength = weights.Bias.Length;
        return data.Vectors.Select(vector =>
        {
            var logits = new float[rowLength];
            weights.Bias.CopyTo(logits, 0);
            IntentModel.AddWeightedRows(weights.Weights, rowLength, vector.Indices, vector.Values, logits);
            return logits;
        }).ToList();
    }

    private TrainingData Prepare(TextFeaturizer featurizer, string[] normalized, int[] y, int[] part, int labelCount)
    {
        var vectors = new SparseVector[part.Length];
        Parallel.For(0, part.Length, i => vectors[i] = featurizer.TransformNormalized(normalized[part[i]]));
        var labels = part.Select(i => y[i]).ToArray();
        return new TrainingData(vectors, labels, ClassWeights.ForExamples(labels, labelCount, Options.ClassWeightPower));
    }

    private IntentModel BuildModel(string[] labels, TextFeaturizer featurizer, FittedWeights weights, double temperature, double threshold, ModelMetadata metadata) =>
        new(labels, Options.OutOfScopeLabel, featurizer, weights.QuantizedWeights(), weights.Bias, temperature, threshold, metadata);

    private static readonly ModelMetadata Provisional = new()
    {
        TrainedAt = DateTimeOffset.UnixEpoch,
        DataHash = string.Empty,
        Seed = 0,
        TrainingExamples = 0,
        ValidationExamples = 0,
        Epochs = 0,
        RefitOnAllData = false,
        TrainingSeconds = 0,
        Validation = new ValidationSummary(0, 0, 0, 0, 0, null),
    };
}
