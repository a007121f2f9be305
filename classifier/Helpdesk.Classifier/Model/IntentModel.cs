using System.Numerics;
using System.Runtime.InteropServices;
using Helpdesk.Classifier.Features;
using Helpdesk.Classifier.Text;

namespace Helpdesk.Classifier.Model;

/// <summary>
/// A trained intent model: featurizer, softmax weights, calibration temperature and out-of-scope
/// threshold. Immutable, so one instance serves every conversation concurrently; produce one with
/// <see cref="Training.IntentTrainer"/> or <see cref="IntentModelFile.Load(string)"/>.
/// </summary>
public sealed class IntentModel : IIntentClassifier
{
    /// <summary>Label used for out-of-scope predictions when the training data had no such class.</summary>
    public const string DefaultOutOfScopeLabel = "out_of_scope";

    private readonly float[] _weights; // feature-major, each row padded to PaddedLabelCount
    private readonly float[] _bias;

    internal IntentModel(
        IReadOnlyList<string> labels,
        string? outOfScopeLabel,
        TextFeaturizer featurizer,
        float[] weights,
        float[] bias,
        double temperature,
        double threshold,
        ModelMetadata metadata)
    {
        Labels = labels;
        OutOfScopeLabel = outOfScopeLabel;
        OutOfScopeIndex = outOfScopeLabel is null ? -1 : IndexOf(labels, outOfScopeLabel);
        Featurizer = featurizer;
        PaddedLabelCount = PadToVector(labels.Count);
        if (weights.Length != featurizer.FeatureCount * PaddedLabelCount || bias.Length != PaddedLabelCount)
        {
            throw new ArgumentException("Weight dimensions do not match the labels and features.");
        }

        _weights = weights;
        _bias = bias;
        Temperature = temperature;
        Threshold = threshold;
        Metadata = metadata;
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The explicit out-of-scope class of the training data, if it had one.</summary>
    public string? OutOfScopeLabel { get; }

    /// <summary>Calibration temperature: logits are divided by it before the softmax.</summary>
    public double Temperature { get; }

    /// <summary>Predictions with a calibrated confidence below this are out of scope.</summary>
    public double Threshold { get; }

    public ModelMetadata Metadata { get; }

    public TextFeaturizer Featurizer { get; }

    internal int OutOfScopeIndex { get; }

    internal int PaddedLabelCount { get; }

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> Bias => _bias;

    public IntentPrediction Predict(string? text, int top = 3)
    {
        var normalized = TextNormalizer.Normalize(text, Featurizer.Options.MaxCharacters);
        if (!TextNormalizer.HasWords(normalized))
        {
            return new IntentPrediction(OutOfScopeLabel ?? DefaultOutOfScopeLabel, 0, true, []);
        }

        Span<float> probabilities = stackalloc float[PaddedLabelCount];
        ComputeProbabilities(normalized, probabilities);
        return ToPrediction(probabilities[..Labels.Count], Math.Max(1, top));
    }

    /// <summary>Calibrated probabilities of every label for a normalized text.</summary>
    internal void ComputeProbabilities(string normalized, Span<float> probabilities)
    {
        ComputeLogits(normalized, probabilities);
        Softmax(probabilities[..Labels.Count], (float)Temperature);
    }

    internal void ComputeLogits(string normalized, Span<float> logits)
    {
        _bias.CopyTo(logits);
        using var scratch = new FeatureScratch(Featurizer, normalized.Length);
        var count = Featurizer.Transform(normalized, scratch);
        AddWeightedRows(_weights, PaddedLabelCount, scratch.Indices[..count], scratch.Values[..count], logits);
    }

    internal static void AddWeightedRows(
        ReadOnlySpan<float> weights, int rowLength, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> logits)
    {
        var sums = MemoryMarshal.Cast<float, Vector<float>>(logits[..rowLength]);
        for (var k = 0; k < indices.Length; k++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(weights.Slice(indices[k] * rowLength, rowLength));
            var value = new Vector<float>(values[k]);
            for (var j = 0; j < sums.Length; j++)
            {
                sums[j] += row[j] * value;
            }
        }
    }

    internal static void Softmax(Span<float> logits, float temperature)
    {
        var max = float.NegativeInfinity;
        foreach (var z in logits) max = MathF.Max(max, z);
        var sum = 0f;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = MathF.Exp((logits[i] - max) / temperature);
            sum += logits[i];
        }

        for (var i = 0; i < logits.Length; i++) logits[i] /= sum;
    }

    private IntentPrediction ToPrediction(ReadOnlySpan<float> probabilities, int top)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best]) best = i;
        }

        var alternatives = new List<IntentScore>(top);
        Span<bool> taken = stackalloc bool[probabilities.Length];
        if (OutOfScopeIndex >= 0) taken[OutOfScopeIndex] = true;
        while (alternatives.Count < top)
        {
            var next = -1;
            for (var i = 0; i < probabilities.Length; i++)
            {
                if (!taken[i] && (next < 0 || probabilities[i] > probabilities[next])) next = i;
            }

            if (next < 0) break;
            taken[next] = true;
            alternatives.Add(new IntentScore(Labels[next], probabilities[next]));
        }

        var confidence = probabilities[best];
        var outOfScope = best == OutOfScopeIndex || confidence < Threshold;
        return new IntentPrediction(Labels[best], confidence, outOfScope, alternatives);
    }

    internal static int PadToVector(int count) =>
        (count + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal)) return i;
        }

        throw new ArgumentException($"The out-of-scope label '{label}' is not one of the model's labels.");
    }
}
