namespace Helpdesk.Classifier.Evaluation;

/// <summary>k-fold cross-validation: each fold's report and the mean and spread of the main figures.</summary>
public sealed record CrossValidationReport(
    int Folds,
    double MeanAccuracy,
    double AccuracyStandardDeviation,
    double MeanMacroF1,
    double MacroF1StandardDeviation,
    double? MeanInScopeAccuracy,
    double? MeanOosRecall,
    IReadOnlyList<EvaluationReport> PerFold);
