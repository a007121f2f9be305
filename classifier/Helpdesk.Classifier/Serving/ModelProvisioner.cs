using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Serving;

/// <summary>
/// Makes sure a usable model exists before the host serves: loads the cached model when it was
/// trained on exactly the current data, and otherwise trains one and writes it to the cache.
/// A fresh clone therefore needs no manual training step, and editing the shipped utterances is
/// picked up on the next start.
/// </summary>
public sealed class ModelProvisioner(TimeProvider timeProvider)
{
    public ProvisionedModel Provision(ModelSource source, CancellationToken cancellationToken = default)
    {
        if (source.TrainingData.Count == 0)
        {
            return new ProvisionedModel(IntentModelFile.Load(source.ModelPath), Trained: false, Reason: null);
        }

        var examples = UtteranceFile.LoadAll(source.TrainingData, source.TextColumn, source.LabelColumn);
        var hash = DataHash.Of(examples);
        var reason = CachedModelProblem(source.ModelPath, hash, out var cached);
        if (reason is null)
        {
            return new ProvisionedModel(cached!, Trained: false, Reason: null);
        }

        var model = new IntentTrainer(source.Trainer, timeProvider).Fit(examples, cancellationToken);
        IntentModelFile.Save(model, source.ModelPath);
        return new ProvisionedModel(model, Trained: true, reason);
    }

    private static string? CachedModelProblem(string path, string dataHash, out IntentModel? model)
    {
        model = null;
        if (!File.Exists(path))
        {
            return "no trained model yet";
        }

        try
        {
            model = IntentModelFile.Load(path);
        }
        catch (IntentModelFormatException e)
        {
            return e.Message;
        }

        return model.Metadata.DataHash == dataHash ? null : "the training data changed since the model was trained";
    }
}
