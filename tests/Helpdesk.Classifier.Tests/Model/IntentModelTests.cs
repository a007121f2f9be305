using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Tests.Model;

public sealed class IntentModelTests
{
    private static readonly IntentModel Model = Examples.Trainer().Fit(Examples.Support);

    private static readonly IntentModel ModelWithOutOfScope =
        Examples.Trainer(new TrainerOptions { ValidationFraction = 0.25, OutOfScopeLabel = "oos" }).Fit(Examples.SupportWithOutOfScope);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!?! ...")]
    public void Predict_NothingToClassify_IsOutOfScope(string? text)
    {
        var prediction = Model.Predict(text);

        Assert.True(prediction.IsOutOfScope);
        Assert.Equal(0, prediction.Confidence);
    }

    [Fact]
    public void Predict_HundredKilobytes_ReturnsAPrediction()
    {
        var text = "my parcel has not arrived " + new string('x', 100 * 1024);

        var prediction = Model.Predict(text);

        Assert.Equal("order", prediction.Label);
    }

    [Fact]
    public void Predict_Alternatives_AreRankedAndExcludeTheOutOfScopeClass()
    {
        var prediction = ModelWithOutOfScope.Predict("what is the weather in london", top: 10);

        Assert.DoesNotContain(prediction.Alternatives, a => a.Label == "oos");
        Assert.Equal(4, prediction.Alternatives.Count);
        Assert.Equal(prediction.Alternatives.OrderByDescending(a => a.Confidence), prediction.Alternatives);
    }

    [Fact]
    public void Predict_OutOfScopeClassWins_IsOutOfScope()
    {
        var prediction = ModelWithOutOfScope.Predict("tell me a joke about the weather");

        Assert.Equal("oos", prediction.Label);
        Assert.True(prediction.IsOutOfScope);
    }

    [Fact]
    public void Predict_ConfidenceBelowThreshold_IsOutOfScope()
    {
        var confidence = Model.Predict("refund please").Confidence;
        var strict = WithThreshold(Model, confidence + 1e-6);

        var prediction = strict.Predict("refund please");

        Assert.Equal("refund", prediction.Label);
        Assert.True(prediction.IsOutOfScope);
    }

    [Fact]
    public void Predict_ConfidenceAtThreshold_IsInScope()
    {
        var confidence = Model.Predict("refund please").Confidence;
        var exact = WithThreshold(Model, confidence);

        var prediction = exact.Predict("refund please");

        Assert.False(prediction.IsOutOfScope);
    }

    [Fact]
    public void Predict_ConcurrentCalls_MatchSequentialOnes()
    {
        var texts = Examples.Support.Select(e => e.Text + " thanks").ToArray();
        var sequential = texts.Select(t => Model.Predict(t)).ToArray();

        var concurrent = new IntentPrediction[texts.Length * 20];
        Parallel.For(0, concurrent.Length, i => concurrent[i] = Model.Predict(texts[i % texts.Length]));

        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % texts.Length].Label, concurrent[i].Label);
            Assert.Equal(sequential[i % texts.Length].Confidence, concurrent[i].Confidence);
        }
    }

    private static IntentModel WithThreshold(IntentModel model, double threshold)
    {
        using var stream = new MemoryStream();
        IntentModelFile.Save(model, stream);
        stream.Position = 0;
        var copy = IntentModelFile.Load(stream);
        return new IntentModel(copy.Labels, copy.OutOfScopeLabel, copy.Featurizer, copy.Weights.ToArray(), copy.Bias.ToArray(),
            copy.Temperature, threshold, copy.Metadata);
    }
}
