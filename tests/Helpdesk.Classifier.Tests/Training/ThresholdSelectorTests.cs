using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Tests.Training;

public sealed class ThresholdSelectorTests
{
    [Fact]
    public void Choose_AllowedLossOfOneExample_RejectsExactlyTheLeastConfidentCorrectOne()
    {
        var validation = Enumerable.Range(1, 100).Select(i => (i / 100.0, i % 10 != 0)).ToList();

        var threshold = ThresholdSelector.Choose(validation, maxAccuracyLoss: 0.01);

        var rejectedCorrect = validation.Count(e => e.Item2 && e.Item1 < threshold);
        Assert.Equal(1, rejectedCorrect);
        Assert.Equal(0.02, threshold, 10);
    }

    [Fact]
    public void Choose_NoAllowedLoss_RejectsNothing()
    {
        var validation = new List<(double, bool)> { (0.9, true), (0.4, false), (0.2, true) };

        Assert.Equal(0, ThresholdSelector.Choose(validation, maxAccuracyLoss: 0));
    }

    [Fact]
    public void Choose_WrongPredictionsBelowTheCut_AreRejectedForFree()
    {
        var validation = new List<(double, bool)> { (0.1, false), (0.15, false), (0.3, true), (0.35, true), (0.9, true) };

        var threshold = ThresholdSelector.Choose(validation, maxAccuracyLoss: 0.2);

        Assert.Equal(0.35, threshold);
    }
}
