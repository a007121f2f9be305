using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Tests.Training;

public sealed class TemperatureScalingTests
{
    [Fact]
    public void Fit_OverconfidentLogits_FindsTemperatureAboveOne()
    {
        // Always 10 logits apart, but right only 70% of the time: the model claims far too much.
        var logits = Enumerable.Range(0, 100).Select(_ => new float[] { 10f, 0f }).ToList();
        var labels = Enumerable.Range(0, 100).Select(i => i % 10 < 7 ? 0 : 1).ToArray();

        var temperature = TemperatureScaling.Fit(logits, labels, 2);

        var calibrated = 1 / (1 + Math.Exp(-10 / temperature));
        Assert.True(temperature > 1);
        Assert.Equal(0.7, calibrated, 2);
    }

    [Fact]
    public void Fit_UnderconfidentLogits_FindsTemperatureBelowOne()
    {
        var logits = Enumerable.Range(0, 100).Select(_ => new float[] { 0.5f, 0f }).ToList();
        var labels = Enumerable.Range(0, 100).Select(i => i < 95 ? 0 : 1).ToArray();

        var temperature = TemperatureScaling.Fit(logits, labels, 2);

        Assert.True(temperature < 1);
    }
}
