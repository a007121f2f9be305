using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Benchmarks.Classifier;

/// <summary>The model trained on the shipped utterances, as the bot serves it.</summary>
internal static class ShippedModel
{
    public static IntentModel Train()
    {
        var examples = UtteranceFile.Load(RepositoryPath("classifier", "data", "train.csv"));
        return new IntentTrainer(new TrainerOptions { OutOfScopeLabel = "out_of_scope" }).Fit(examples);
    }

    public static string RepositoryPath(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Helpdesk.Bot.sln")))
            {
                return Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("Run the benchmarks from a build inside the repository.");
    }
}
