namespace Helpdesk.Classifier.Training;

/// <summary>
/// Chooses the out-of-scope confidence threshold on validation data: the highest cut-off whose
/// cost in in-scope accuracy stays within the allowed loss. Raising the threshold only ever
/// rejects more, so the highest affordable one also gives the best out-of-scope recall.
/// </summary>
internal static class ThresholdSelector
{
    /// <param name="inScope">For each in-scope validation example: its calibrated top confidence and
    /// whether the top label was right (a win of the out-of-scope class counts as not right).</param>
    public static double Choose(IReadOnlyList<(double Confidence, bool Correct)> inScope, double maxAccuracyLoss)
    {
        if (inScope.Count == 0) return 0;

        // Rejecting an example below the threshold costs accuracy only when it was right.
        var affordable = (int)Math.Floor(maxAccuracyLoss * inScope.Count + 1e-9);
        var correctConfidences = inScope.Where(e => e.Correct).Select(e => e.Confidence).Order().ToArray();
        if (affordable == 0 || correctConfidences.Length == 0)
        {
            return 0;
        }

        // Any threshold up to the affordable-th lowest correct confidence rejects at most
        // `affordable` correct examples.
        return correctConfidences[Math.Min(affordable, correctConfidences.Length - 1)];
    }
}
