using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Evaluation;

/// <summary>Stratified k-fold cross-validation: trains on k−1 folds, evaluates on the last, k times.
/// Folds run concurrently; each run is seeded, so the report is reproducible.</summary>
public static class CrossValidator
{
    public static CrossValidationReport Run(
        IReadOnlyList<LabeledUtterance> examples, TrainerOptions options, int folds, CancellationToken cancellationToken = default)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least two folds.");
        }

        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var y = examples.Select(e => labels.BinarySearch(e.Label, StringComparer.Ordinal)).ToArray();
        var foldOf = StratifiedSplit.Folds(y, folds, options.Seed);

        var reports = new EvaluationReport[folds];
        Parallel.For(0, folds, new ParallelOptions { CancellationToken = cancellationToken }, fold =>
        {
            var training = examples.Where((_, i) => foldOf[i] != fold).ToList();
            var test = examples.Where((_, i) => foldOf[i] == fold).ToList();
            var model = new IntentTrainer(options).Fit(training, cancellationToken);
            reports[fold] = Evaluator.Evaluate(model, test, options.OutOfScopeLabel);
        });

        return new CrossValidationReport(
            folds,
            reports.Average(r => r.Accuracy),
            StandardDeviation(reports.Select(r => r.Accuracy)),
            reports.Average(r => r.MacroF1),
            StandardDeviation(reports.Select(r => r.MacroF1)),
            options.OutOfScopeLabel is null ? null : reports.Average(r => r.InScopeAccuracy ?? 0),
            options.OutOfScopeLabel is null ? null : reports.Average(r => r.OosRecall ?? 0),
            reports);
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, list.Count - 1));
    }
}
