namespace Helpdesk.Classifier.Model;

/// <summary>How and on what a model was trained, and how it scored on its validation split.</summary>
public sealed record ModelMetadata
{
    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>SHA-256 of the training examples (see <see cref="Data.DataHash"/>); a cached model is
    /// stale when the data's hash differs.</summary>
    public required string DataHash { get; init; }

    public required int Seed { get; init; }

    public required int TrainingExamples { get; init; }

    public required int ValidationExamples { get; init; }

    public required int Epochs { get; init; }

    public required bool RefitOnAllData { get; init; }

    public required double TrainingSeconds { get; init; }

    public required ValidationSummary Validation { get; init; }
}

/// <summary>Scores on the held-back validation split, measured before any refit on all data.</summary>
public sealed record ValidationSummary(
    double Accuracy,
    double MacroF1,
    double LogLoss,
    double ExpectedCalibrationError,
    double InScopeAccuracyAtThreshold,
    double? OutOfScopeRecall);
