namespace Helpdesk.Classifier.Training;

/// <summary>
/// Runs epochs while the validation score improves and keeps the best weights seen. When a refit
/// on all data is wanted, a twin learner trains on everything in lockstep on the other core, and
/// its weights are kept at the epoch the validated learner peaked: the refit costs no extra time.
/// </summary>
internal static class EarlyStopping
{
    public static (FittedWeights Validated, FittedWeights? Refit) Train(
        TrainingData training, TrainingData validation, int featureCount, (TrainingData Data, int FeatureCount)? everything,
        int labelCount, TrainerOptions options, CancellationToken cancellationToken)
    {
        var learner = new SoftmaxLearner(featureCount, labelCount, options.LearningRate, options.L2, options.Seed);
        var twin = everything is { } all
            ? new SoftmaxLearner(all.FeatureCount, labelCount, options.LearningRate, options.L2, options.Seed)
            : null;

        FittedWeights? best = null;
        FittedWeights? bestTwin = null;
        for (var epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (twin is null)
            {
                learner.RunEpoch(training);
            }
            else
            {
                Parallel.Invoke(() => learner.RunEpoch(training), () => twin.RunEpoch(everything!.Value.Data));
            }

            var (accuracy, logLoss) = learner.Score(validation);
            if (best is null || FittedWeights.IsBetter(accuracy, logLoss, best))
            {
                best = learner.Snapshot(best, epoch, accuracy, logLoss);
                bestTwin = twin?.Snapshot(bestTwin, epoch, accuracy, logLoss);
            }
            else if (epoch - best.Epochs >= options.Patience)
            {
                break;
            }
        }

        return (best!, bestTwin);
    }
}
