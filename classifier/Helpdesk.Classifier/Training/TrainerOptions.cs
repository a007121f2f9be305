using System.ComponentModel.DataAnnotations;
using Helpdesk.Classifier.Features;

namespace Helpdesk.Classifier.Training;

/// <summary>Everything that shapes a training run. Defaults were chosen on measurements recorded in
/// docs/performance.md; the same options and seed always produce the same model.</summary>
public sealed record TrainerOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>The explicit out-of-scope class in the data, if any.</summary>
    public string? OutOfScopeLabel { get; init; }

    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Share of each label's examples held back to stop training, calibrate confidence
    /// and choose the out-of-scope threshold.</summary>
    [Range(0.02, 0.5)] public double ValidationFraction { get; init; } = 0.1;

    [Range(1, 200)] public int MaxEpochs { get; init; } = 30;

    /// <summary>Stop after this many epochs without a better validation score.</summary>
    [Range(1, 50)] public int Patience { get; init; } = 4;

    /// <summary>AdaGrad base step size.</summary>
    [Range(1e-4, 10)] public double LearningRate { get; init; } = 0.3;

    /// <summary>L2 penalty on the weights of the features an example touches.</summary>
    [Range(0.0, 1.0)] public double L2 { get; init; } = 1e-5;

    /// <summary>Rebalances classes by weighting examples with (n / (k · n_label))^power; 0 turns it off.</summary>
    [Range(0.0, 1.0)] public double ClassWeightPower { get; init; } = 0.5;

    /// <summary>The out-of-scope threshold is the highest confidence cut-off that costs at most
    /// this much in-scope accuracy on the validation split.</summary>
    [Range(0.0, 0.2)] public double MaxInScopeAccuracyLoss { get; init; } = 0.01;

    /// <summary>After choosing epochs, temperature and threshold on the validation split, train
    /// again on all examples for the chosen number of epochs.</summary>
    public bool RefitOnAllData { get; init; } = true;

    [Range(2, 1000)] public int MinExamplesPerLabel { get; init; } = 3;

    /// <summary>Bounds the model file; with many labels fewer features are kept.</summary>
    [Range(1L << 20, 1L << 30)] public long ModelBytesBudget { get; init; } = FeatureBudget.DefaultModelBytes;

    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        Featurizer.Validate();
    }
}
