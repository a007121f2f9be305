using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Tests.Training;

public sealed class IntentTrainerTests
{
    [Fact]
    public void Fit_SmallSeparableSet_LearnsEveryTrainingExample()
    {
        var model = Examples.Trainer().Fit(Examples.Support, TestContext.Current.CancellationToken);

        var wrong = Examples.Support.Where(e => model.Predict(e.Text).Label != e.Label).ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void Fit_SameSeed_ProducesByteIdenticalModelFiles()
    {
        var first = Save(Examples.Trainer(new TrainerOptions { Seed = 7, ValidationFraction = 0.25 }).Fit(Examples.Support, TestContext.Current.CancellationToken));
        var second = Save(Examples.Trainer(new TrainerOptions { Seed = 7, ValidationFraction = 0.25 }).Fit(Examples.Support, TestContext.Current.CancellationToken));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fit_RecordsDataHashAndValidationMetrics()
    {
        var model = Examples.Trainer().Fit(Examples.Support, TestContext.Current.CancellationToken);

        Assert.Equal(DataHash.Of(Examples.Support), model.Metadata.DataHash);
        Assert.Equal(Examples.Support.Count, model.Metadata.TrainingExamples);
        Assert.Equal(8, model.Metadata.ValidationExamples);
        Assert.InRange(model.Metadata.Validation.Accuracy, 0.5, 1.0);
        Assert.True(model.Temperature > 0);
    }

    [Fact]
    public void Fit_LabelWithTooFewExamples_NamesTheLabelAndLine()
    {
        List<LabeledUtterance> examples = [.. Examples.Support, new("what colour is the sky", "rare", "data.csv:41")];

        var error = Assert.Throws<InvalidDataException>(() => Examples.Trainer().Fit(examples, TestContext.Current.CancellationToken));

        Assert.Contains("data.csv:41", error.Message);
        Assert.Contains("'rare'", error.Message);
    }

    [Fact]
    public void Fit_UnknownOutOfScopeLabel_IsRejected()
    {
        var options = new TrainerOptions { OutOfScopeLabel = "nothing_like_this" };

        var error = Assert.Throws<InvalidDataException>(() => Examples.Trainer(options).Fit(Examples.Support, TestContext.Current.CancellationToken));

        Assert.Contains("nothing_like_this", error.Message);
    }

    private static byte[] Save(IntentModel model)
    {
        using var stream = new MemoryStream();
        IntentModelFile.Save(model, stream);
        return stream.ToArray();
    }
}
