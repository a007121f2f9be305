using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Evaluation;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static readonly LabeledUtterance[] TestSet =
    [
        new("could you refund me", "refund"), new("money back for the hub", "refund"),
        new("I forgot the password again", "password"), new("reset password", "password"),
        new("where's my parcel", "order"), new("order tracking", "order"),
        new("good morning", "greeting"),
        new("what's the weather like", "oos"), new("sing me a song", "oos"), new("who is the president of france", "oos"),
    ];

    [Fact]
    public void Evaluate_WithOutOfScopeLabel_MatchesClinc150Definitions()
    {
        var model = Examples.Trainer(new TrainerOptions { ValidationFraction = 0.25, OutOfScopeLabel = "oos" })
            .Fit(Examples.SupportWithOutOfScope, TestContext.Current.CancellationToken);
        var predictions = TestSet.Select(e => model.Predict(e.Text)).ToArray();
        var inScope = TestSet.Select((e, i) => (e, p: predictions[i])).Where(x => x.e.Label != "oos").ToArray();
        var oos = TestSet.Select((e, i) => (e, p: predictions[i])).Where(x => x.e.Label == "oos").ToArray();

        var report = Evaluator.Evaluate(model, TestSet, "oos");

        Assert.Equal(inScope.Count(x => !x.p.IsOutOfScope && x.p.Label == x.e.Label) / (double)inScope.Length, report.InScopeAccuracy);
        Assert.Equal(oos.Count(x => x.p.IsOutOfScope) / (double)oos.Length, report.OosRecall);
        var predictedOos = predictions.Count(p => p.IsOutOfScope);
        Assert.Equal(predictedOos == 0 ? 0 : oos.Count(x => x.p.IsOutOfScope) / (double)predictedOos, report.OosPrecision);
        Assert.Equal(TestSet.Length, report.Examples);
        Assert.Equal(5, report.PerLabel.Count);
    }

    [Fact]
    public void Evaluate_WithoutOutOfScopeLabel_ScoresTheTopLabel()
    {
        var model = Examples.Trainer().Fit(Examples.Support, TestContext.Current.CancellationToken);
        var inScope = TestSet.Where(e => e.Label != "oos").ToArray();

        var report = Evaluator.Evaluate(model, inScope);

        var expected = inScope.Count(e => model.Predict(e.Text).Label == e.Label) / (double)inScope.Length;
        Assert.Equal(expected, report.Accuracy);
        Assert.Null(report.InScopeAccuracy);
        Assert.InRange(report.Top3Accuracy, report.Accuracy, 1.0);
    }
}
