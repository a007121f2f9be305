using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Text;

namespace Helpdesk.Classifier.Evaluation;

/// <summary>Measures a model on labeled examples; see <see cref="EvaluationReport"/> for the definitions.</summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(IntentModel model, IReadOnlyList<LabeledUtterance> examples, string? outOfScopeLabel = null)
    {
        var oosLabel = outOfScopeLabel ?? model.OutOfScopeLabel;
        var labelCount = model.Labels.Count;
        var labelIndex = model.Labels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);

        var top = new int[examples.Count];
        var confidence = new double[examples.Count];
        var rejected = new bool[examples.Count];
        var inTop3 = new bool[examples.Count];
        var trueProbability = new double[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            var normalized = TextNormalizer.Normalize(examples[i].Text, model.Featurizer.Options.MaxCharacters);
            var probabilities = new float[model.PaddedLabelCount];
            model.ComputeProbabilities(normalized, probabilities);
            var ranked = Enumerable.Range(0, labelCount).OrderByDescending(c => probabilities[c]).ThenBy(c => c).Take(3).ToArray();
            top[i] = ranked[0];
            var hasWords = TextNormalizer.HasWords(normalized);
            confidence[i] = hasWords ? probabilities[ranked[0]] : 0;
            rejected[i] = !hasWords || ranked[0] == model.OutOfScopeIndex || confidence[i] < model.Threshold;
            var expected = labelIndex.GetValueOrDefault(examples[i].Label, -1);
            inTop3[i] = expected >= 0 && ranked.Contains(expected);
            trueProbability[i] = expected >= 0 ? probabilities[expected] : 0;
        });

        var expectedLabels = examples.Select(e => e.Label).ToArray();
        var predictedLabels = examples.Select((_, i) =>
            oosLabel is not null && rejected[i] ? oosLabel : model.Labels[top[i]]).ToArray();
        var topCorrect = examples.Select((e, i) => model.Labels[top[i]] == e.Label).ToArray();
        var (perLabel, macroF1) = ClassificationMetrics.PerLabel(expectedLabels, predictedLabels);

        var report = new EvaluationReport
        {
            Examples = examples.Count,
            Accuracy = ClassificationMetrics.Accuracy(expectedLabels, predictedLabels),
            MacroF1 = macroF1,
            Top3Accuracy = inTop3.Count(hit => hit) / (double)Math.Max(1, examples.Count),
            ExpectedCalibrationError = ClassificationMetrics.ExpectedCalibrationError(confidence, topCorrect),
            LogLoss = trueProbability.Average(p => -Math.Log(Math.Max(p, 1e-12))),
            Threshold = model.Threshold,
            BelowThresholdShare = rejected.Count(r => r) / (double)Math.Max(1, examples.Count),
            PerLabel = perLabel,
            MostConfused = ClassificationMetrics.MostConfused(expectedLabels, predictedLabels, 10),
        };

        return oosLabel is null ? report : WithOutOfScopeMeasures(report, oosLabel, expectedLabels, predictedLabels);
    }

    // Definitions as in Larson et al. (2019), "An Evaluation Dataset for Intent Classification and
    // Out-of-Scope Prediction" (CLINC150).
    private static EvaluationReport WithOutOfScopeMeasures(
        EvaluationReport report, string oosLabel, string[] expected, string[] predicted)
    {
        int inScope = 0, inScopeCorrect = 0, oos = 0, oosCaught = 0, oosPredicted = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var isOos = expected[i] == oosLabel;
            var predictedOos = predicted[i] == oosLabel;
            if (predictedOos) oosPredicted++;
            if (isOos)
            {
                oos++;
                if (predictedOos) oosCaught++;
            }
            else
            {
                inScope++;
                if (predicted[i] == expected[i]) inScopeCorrect++;
            }
        }

        return report with
        {
            OutOfScopeLabel = oosLabel,
            // An empty denominator scores 0, as scikit-learn does, so the fields are always present.
            InScopeAccuracy = inScope == 0 ? 0 : (double)inScopeCorrect / inScope,
            OosRecall = oos == 0 ? 0 : (double)oosCaught / oos,
            OosPrecision = oosPredicted == 0 ? 0 : (double)oosCaught / oosPredicted,
        };
    }
}
