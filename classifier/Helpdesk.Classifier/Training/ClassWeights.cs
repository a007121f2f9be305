namespace Helpdesk.Classifier.Training;

/// <summary>Per-example weights that stop a large label from drowning a small one.</summary>
internal static class ClassWeights
{
    public static float[] ForExamples(int[] labels, int labelCount, double power)
    {
        var counts = new int[labelCount];
        foreach (var label in labels) counts[label]++;
        var present = counts.Count(c => c > 0);
        var perLabel = counts.Select(c => c == 0 ? 0 : Math.Pow((double)labels.Length / (present * c), power)).ToArray();

        // Rescale so the average example weight is 1 and the learning rate keeps its meaning.
        var mean = labels.Average(label => perLabel[label]);
        return labels.Select(label => (float)(perLabel[label] / mean)).ToArray();
    }
}
