namespace Helpdesk.Classifier.Training;

/// <summary>Weights a training run reached at a given epoch, and how they scored on validation.</summary>
internal sealed record FittedWeights(float[] Weights, float[] Bias, int Epochs, double Accuracy, double LogLoss)
{
    /// <summary>Rounds the weights to what the model file stores (16-bit floats), so the model in
    /// memory and the model reloaded from disk are the same model.</summary>
    public float[] QuantizedWeights() => Weights.Select(w => (float)(Half)w).ToArray();

    /// <summary>Higher validation accuracy wins; on a tie, lower log-loss.</summary>
    public static bool IsBetter(double accuracy, double logLoss, FittedWeights than) =>
        accuracy > than.Accuracy + 1e-12 || (Math.Abs(accuracy - than.Accuracy) <= 1e-12 && logLoss < than.LogLoss);
}
