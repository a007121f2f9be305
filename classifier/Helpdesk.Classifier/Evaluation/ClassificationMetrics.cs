namespace Helpdesk.Classifier.Evaluation;

/// <summary>Pure metric arithmetic over expected and predicted labels.</summary>
public static class ClassificationMetrics
{
    /// <summary>Per-label precision, recall and F1 over every label that was expected or predicted
    /// (as scikit-learn does), and their unweighted mean.</summary>
    public static (IReadOnlyDictionary<string, LabelMetrics> PerLabel, double MacroF1) PerLabel(
        IReadOnlyList<string> expected, IReadOnlyList<string> predicted)
    {
        var labels = expected.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var result = new SortedDictionary<string, LabelMetrics>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            int truePositive = 0, support = 0, predictedCount = 0;
            for (var i = 0; i < expected.Count; i++)
            {
                var isExpected = expected[i] == label;
                var isPredicted = predicted[i] == label;
                if (isExpected) support++;
                if (isPredicted) predictedCount++;
                if (isExpected && isPredicted) truePositive++;
            }

            var precision = predictedCount == 0 ? 0 : (double)truePositive / predictedCount;
            var recall = support == 0 ? 0 : (double)truePositive / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result[label] = new LabelMetrics(precision, recall, f1, support);
        }

        return (result, result.Count == 0 ? 0 : result.Values.Average(m => m.F1));
    }

    public static double Accuracy(IReadOnlyList<string> expected, IReadOnlyList<string> predicted) =>
        expected.Count == 0 ? 0 : expected.Where((label, i) => label == predicted[i]).Count() / (double)expected.Count;

    public static IReadOnlyList<ConfusedPair> MostConfused(IReadOnlyList<string> expected, IReadOnlyList<string> predicted, int count) =>
        expected.Select((label, i) => (Expected: label, Predicted: predicted[i]))
            .Where(pair => pair.Expected != pair.Predicted)
            .GroupBy(pair => pair)
            .Select(group => new ConfusedPair(group.Key.Expected, group.Key.Predicted, group.Count()))
            .OrderByDescending(pair => pair.Count).ThenBy(pair => pair.Expected, StringComparer.Ordinal)
            .ThenBy(pair => pair.Predicted, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>Expected calibration error: the confidence-weighted gap between how sure the model
    /// was and how often it was right, over equal-width confidence bins.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct, int bins = 15)
    {
        if (confidences.Count == 0) return 0;
        var binConfidence = new double[bins];
        var binCorrect = new double[bins];
        var binCount = new int[bins];
        for (var i = 0; i < confidences.Count; i++)
        {
            var bin = Math.Min(bins - 1, (int)(confidences[i] * bins));
            binConfidence[bin] += confidences[i];
            binCorrect[bin] += correct[i] ? 1 : 0;
            binCount[bin]++;
        }

        double error = 0;
        for (var bin = 0; bin < bins; bin++)
        {
            if (binCount[bin] == 0) continue;
            error += Math.Abs(binConfidence[bin] - binCorrect[bin]) / confidences.Count;
        }

        return error;
    }
}
