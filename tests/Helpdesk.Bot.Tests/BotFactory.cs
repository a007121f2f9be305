using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Helpdesk.Bot.Tests;

/// <summary>The real host in-process, with its data directory in a fresh temporary folder and the
/// intent model trained from a small utterance file, so each test starts from a clean first run.</summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    /// <summary>The Direct Line secret the test host uses, so tests can mint tokens of their own.</summary>
    public const string DirectLineSecret = "a-test-directline-secret-of-at-least-32-characters";

    /// <summary>The console's admin password in tests (set through configuration, so it is not one-time).</summary>
    public const string AdminPassword = "a-test-admin-password";

    /// <param name="dataDirectory">Another factory's folder, to start the host again on the same data (a restart).</param>
    /// <param name="configure">Extra settings for this host.</param>
    public BotFactory(string? dataDirectory = null, Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        OwnsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "helpdesk-bot-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        TrainingFile = Path.Combine(DataDirectory, "train.csv");
        File.WriteAllText(TrainingFile, SmallTrainingSet.Csv);
        ArticlesDirectory = Path.Combine(DataDirectory, "articles");
        Directory.CreateDirectory(ArticlesDirectory);
    }

    public string ArticlesDirectory { get; }

    public string DataDirectory { get; }

    public string TrainingFile { get; }

    private readonly Action<IWebHostBuilder>? _configure;

    private bool OwnsDataDirectory { get; }

    public string ModelPath => Path.Combine(DataDirectory, "models", "intent.model");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Helpdesk:DataDirectory", DataDirectory);
        builder.UseSetting("Classifier:TrainingData:0", TrainingFile);
        builder.UseSetting("Classifier:OutOfScopeLabel", "");
        builder.UseSetting("Knowledge:ArticlesPath", ArticlesDirectory);
        builder.UseSetting("Knowledge:SynonymsPath", Path.Combine(DataDirectory, "synonyms.txt"));
        builder.UseSetting("DirectLine:Secret", DirectLineSecret);
        builder.UseSetting("DirectLine:KeepAlive", "00:00:01");
        builder.UseSetting("Agents:AdminPassword", AdminPassword);
        _configure?.Invoke(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!OwnsDataDirectory) return;
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
