using Helpdesk.Classifier.Evaluation;

namespace Helpdesk.Classifier.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    private static readonly string[] Expected = ["a", "a", "a", "b", "b", "c"];
    private static readonly string[] Predicted = ["a", "a", "b", "b", "c", "c"];

    [Fact]
    public void PerLabel_KnownConfusions_GivePrecisionRecallAndF1()
    {
        var (perLabel, macroF1) = ClassificationMetrics.PerLabel(Expected, Predicted);

        Assert.Equal(new LabelMetrics(1.0, 2.0 / 3, 0.8, 3), perLabel["a"], new MetricsComparer());
        Assert.Equal(new LabelMetrics(0.5, 0.5, 0.5, 2), perLabel["b"], new MetricsComparer());
        Assert.Equal(new LabelMetrics(0.5, 1.0, 2.0 / 3, 1), perLabel["c"], new MetricsComparer());
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, macroF1, 10);
    }

    [Fact]
    public void Accuracy_CountsExactMatches()
    {
        Assert.Equal(4.0 / 6, ClassificationMetrics.Accuracy(Expected, Predicted), 10);
    }

    [Fact]
    public void MostConfused_ListsPairsByCount()
    {
        var pairs = ClassificationMetrics.MostConfused(["a", "a", "a", "b"], ["b", "b", "c", "a"], 2);

        Assert.Equal([new ConfusedPair("a", "b", 2), new ConfusedPair("a", "c", 1)], pairs);
    }

    [Fact]
    public void ExpectedCalibrationError_PerfectlyCalibrated_IsZero()
    {
        var confidences = Enumerable.Repeat(0.75, 8).ToArray();
        bool[] correct = [true, true, true, false, true, true, true, false];

        Assert.Equal(0, ClassificationMetrics.ExpectedCalibrationError(confidences, correct), 10);
    }

    [Fact]
    public void ExpectedCalibrationError_AlwaysSureAndHalfRight_IsOneHalf()
    {
        var confidences = Enumerable.Repeat(1.0, 4).ToArray();
        bool[] correct = [true, false, true, false];

        Assert.Equal(0.5, ClassificationMetrics.ExpectedCalibrationError(confidences, correct), 10);
    }

    private sealed class MetricsComparer : IEqualityComparer<LabelMetrics>
    {
        public bool Equals(LabelMetrics? x, LabelMetrics? y) =>
            x is not null && y is not null && Math.Abs(x.Precision - y.Precision) < 1e-9 && Math.Abs(x.Recall - y.Recall) < 1e-9 &&
            Math.Abs(x.F1 - y.F1) < 1e-9 && x.Support == y.Support;

        public int GetHashCode(LabelMetrics obj) => obj.Support;
    }
}
