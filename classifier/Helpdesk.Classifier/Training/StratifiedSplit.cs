namespace Helpdesk.Classifier.Training;

/// <summary>Splits example indices into training and validation parts, per label, reproducibly.</summary>
internal static class StratifiedSplit
{
    public static (int[] Training, int[] Validation) Split(int[] labelOfExample, double validationFraction, int seed)
    {
        var random = new Random(seed);
        var training = new List<int>();
        var validation = new List<int>();
        foreach (var group in labelOfExample.Select((label, index) => (label, index)).GroupBy(e => e.label).OrderBy(g => g.Key))
        {
            var members = group.Select(e => e.index).ToArray();
            random.Shuffle(members);

            // Every label keeps at least one training example and, when it has three or more,
            // contributes at least one validation example.
            var held = (int)Math.Round(members.Length * validationFraction);
            held = Math.Clamp(held, members.Length >= 3 ? 1 : 0, members.Length - 1);
            validation.AddRange(members[..held]);
            training.AddRange(members[held..]);
        }

        var trainingArray = training.ToArray();
        random.Shuffle(trainingArray);
        validation.Sort();
        return (trainingArray, validation.ToArray());
    }

    /// <summary>Assigns each example to one of <paramref name="folds"/> folds, stratified by label.</summary>
    public static int[] Folds(int[] labelOfExample, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[labelOfExample.Length];
        var next = 0;
        foreach (var group in labelOfExample.Select((label, index) => (label, index)).GroupBy(e => e.label).OrderBy(g => g.Key))
        {
            var members = group.Select(e => e.index).ToArray();
            random.Shuffle(members);
            foreach (var member in members)
            {
                fold[member] = next++ % folds;
            }
        }

        return fold;
    }
}
