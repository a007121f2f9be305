using System.Text.Json;
using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Serving;
using Helpdesk.Classifier.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Classifier;

public sealed class ClassifierHostingTests
{
    [Fact]
    public async Task FirstStart_TrainsTheModelAndReportsReady()
    {
        using var factory = new BotFactory();
        using var client = factory.CreateClient();

        var readiness = await ReadinessAsync(client);

        Assert.Equal("Healthy", readiness.GetProperty("checks").GetProperty("intent-model").GetProperty("status").GetString());
        Assert.Equal("3", readiness.GetProperty("checks").GetProperty("intent-model").GetProperty("data").GetProperty("labels").GetString());
        Assert.True(File.Exists(factory.ModelPath));
    }

    [Fact]
    public async Task NewModelFile_IsServedWithoutARestart()
    {
        using var factory = new BotFactory();
        using var client = factory.CreateClient();
        await ReadinessAsync(client);
        var classifier = factory.Services.GetRequiredService<ReloadingIntentClassifier>();
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        classifier.Reloaded += (_, _) => swapped.TrySetResult();

        var twoLabels = UtteranceFile.Load(factory.TrainingFile).Where(e => e.Label != "order").ToList();
        IntentModelFile.Save(new IntentTrainer(new TrainerOptions { ValidationFraction = 0.34 }).Fit(twoLabels, TestContext.Current.CancellationToken), factory.ModelPath);
        // The minute only guards against a watcher that never fires.
        await swapped.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var readiness = await ReadinessAsync(client);

        Assert.Equal("2", readiness.GetProperty("checks").GetProperty("intent-model").GetProperty("data").GetProperty("labels").GetString());
        Assert.Equal("refund", factory.Services.GetRequiredService<IIntentClassifier>().Predict("money back please").Label);
    }

    private static async Task<JsonElement> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }
}
