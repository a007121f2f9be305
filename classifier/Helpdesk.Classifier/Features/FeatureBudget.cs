namespace Helpdesk.Classifier.Features;

/// <summary>Keeps the model file within a size an operator can ship and load quickly: weights are
/// stored as 16-bit floats, one per feature and label, so the budget caps the feature count.</summary>
public static class FeatureBudget
{
    public const long DefaultModelBytes = 24L * 1024 * 1024;

    public static int MaxFeaturesFor(int labelCount, int configuredMaximum, long modelBytes = DefaultModelBytes)
    {
        var affordable = modelBytes / (sizeof(ushort) * (long)Math.Max(1, labelCount) + sizeof(ulong) + sizeof(float));
        return (int)Math.Min(configuredMaximum, affordable);
    }
}
