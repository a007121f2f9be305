using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Classifier.Tests.Serving;

public sealed class ReloadingIntentClassifierTests
{
    private static readonly IntentModel FourLabels = Examples.Trainer().Fit(Examples.Support);

    private static readonly IntentModel ThreeLabels =
        Examples.Trainer().Fit(Examples.Support.Where(e => e.Label != "greeting").ToList());

    [Fact]
    public void Reload_NewModelFile_IsServedAtOnce()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Path("intent.model");
        IntentModelFile.Save(FourLabels, path);
        using var classifier = Create(path, FourLabels);
        IntentModelFile.Save(ThreeLabels, path);

        var reloaded = classifier.Reload();

        Assert.True(reloaded);
        Assert.Equal(3, classifier.Current.Labels.Count);
    }

    [Fact]
    public void Reload_CorruptFile_KeepsServingThePreviousModel()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Path("intent.model");
        IntentModelFile.Save(FourLabels, path);
        using var classifier = Create(path, FourLabels);
        File.WriteAllText(path, "half a model");

        var reloaded = classifier.Reload();

        Assert.False(reloaded);
        Assert.Same(FourLabels, classifier.Current);
        Assert.Equal("refund", classifier.Predict("I want my money back").Label);
    }

    [Fact]
    public async Task ModelFileReplaced_IsPickedUpWithoutACall()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Path("intent.model");
        IntentModelFile.Save(FourLabels, path);
        using var classifier = Create(path, FourLabels);
        var swapped = new TaskCompletionSource<IntentModel>(TaskCreationOptions.RunContinuationsAsynchronously);
        classifier.Reloaded += (_, model) => swapped.TrySetResult(model);

        IntentModelFile.Save(ThreeLabels, path);
        // The minute only guards against a watcher that never fires; the swap itself takes well under a second.
        var model = await swapped.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(3, model.Labels.Count);
        Assert.Same(model, classifier.Current);
    }

    private static ReloadingIntentClassifier Create(string path, IntentModel initial) =>
        new(path, initial, TimeProvider.System, NullLogger<ReloadingIntentClassifier>.Instance);

}
