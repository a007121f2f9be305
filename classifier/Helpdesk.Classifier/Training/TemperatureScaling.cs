namespace Helpdesk.Classifier.Training;

/// <summary>
/// Finds the temperature T that minimises the log-loss of softmax(logits / T) on held-out data
/// (Guo et al., 2017). One parameter cannot change which label wins, only how sure the model
/// claims to be, which is what makes a confidence threshold meaningful.
/// </summary>
internal static class TemperatureScaling
{
    public static double Fit(IReadOnlyList<float[]> logits, int[] labels, int labelCount)
    {
        if (logits.Count == 0) return 1.0;

        // Golden-section search on log T; the log-loss is unimodal in T.
        double low = Math.Log(0.05), high = Math.Log(20.0);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var x1 = high - ratio * (high - low);
        var x2 = low + ratio * (high - low);
        double f1 = LogLoss(logits, labels, labelCount, Math.Exp(x1)), f2 = LogLoss(logits, labels, labelCount, Math.Exp(x2));
        for (var iteration = 0; iteration < 60; iteration++)
        {
            if (f1 < f2)
            {
                high = x2; x2 = x1; f2 = f1;
                x1 = high - ratio * (high - low);
                f1 = LogLoss(logits, labels, labelCount, Math.Exp(x1));
            }
            else
            {
                low = x1; x1 = x2; f1 = f2;
                x2 = low + ratio * (high - low);
                f2 = LogLoss(logits, labels, labelCount, Math.Exp(x2));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    public static double LogLoss(IReadOnlyList<float[]> logits, int[] labels, int labelCount, double temperature)
    {
        double total = 0;
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits[i];
            double max = double.NegativeInfinity;
            for (var c = 0; c < labelCount; c++) max = Math.Max(max, row[c] / temperature);
            double sum = 0;
            for (var c = 0; c < labelCount; c++) sum += Math.Exp(row[c] / temperature - max);
            total -= row[labels[i]] / temperature - max - Math.Log(sum);
        }

        return total / logits.Count;
    }
}
