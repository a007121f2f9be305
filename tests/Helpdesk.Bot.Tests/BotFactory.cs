using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Helpdesk.Bot.Tests;

/// <summary>The real host in-process, with its data directory in a fresh temporary folder and the
/// intent model trained from a small utterance file, so each test starts from a clean first run.</summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    public BotFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "helpdesk-bot-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        TrainingFile = Path.Combine(DataDirectory, "train.csv");
        File.WriteAllText(TrainingFile, SmallTrainingSet.Csv);
        ArticlesDirectory = Path.Combine(DataDirectory, "articles");
        Directory.CreateDirectory(ArticlesDirectory);
    }

    public string ArticlesDirectory { get; }

    public string DataDirectory { get; }

    public string TrainingFile { get; }

    public string ModelPath => Path.Combine(DataDirectory, "models", "intent.model");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Helpdesk:DataDirectory", DataDirectory);
        builder.UseSetting("Classifier:TrainingData:0", TrainingFile);
        builder.UseSetting("Classifier:OutOfScopeLabel", "");
        builder.UseSetting("Knowledge:ArticlesPath", ArticlesDirectory);
        builder.UseSetting("Knowledge:SynonymsPath", Path.Combine(DataDirectory, "synonyms.txt"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temporary folder; a leftover must not fail a test.
        }
    }
}
