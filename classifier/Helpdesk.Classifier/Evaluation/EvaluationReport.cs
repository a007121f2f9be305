namespace Helpdesk.Classifier.Evaluation;

/// <summary>
/// How a model did on labeled data. With an out-of-scope label, accuracy and the per-label
/// figures count a threshold rejection as a prediction of that label, and the CLINC150 measures
/// are filled in: in-scope accuracy (exact label on in-scope examples, a rejection is wrong),
/// out-of-scope recall and precision. Without one, figures use the top label as predicted and
/// <see cref="BelowThresholdShare"/> says how many the bot would have treated as out of scope.
/// </summary>
public sealed record EvaluationReport
{
    public required int Examples { get; init; }

    public required double Accuracy { get; init; }

    public required double MacroF1 { get; init; }

    public required double Top3Accuracy { get; init; }

    public required double ExpectedCalibrationError { get; init; }

    public required double LogLoss { get; init; }

    public required double Threshold { get; init; }

    public required double BelowThresholdShare { get; init; }

    public required IReadOnlyDictionary<string, LabelMetrics> PerLabel { get; init; }

    public required IReadOnlyList<ConfusedPair> MostConfused { get; init; }

    public string? OutOfScopeLabel { get; init; }

    public double? InScopeAccuracy { get; init; }

    public double? OosRecall { get; init; }

    public double? OosPrecision { get; init; }
}
