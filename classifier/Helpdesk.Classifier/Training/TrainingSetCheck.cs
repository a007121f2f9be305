using Helpdesk.Classifier.Data;

namespace Helpdesk.Classifier.Training;

/// <summary>Rejects training sets the trainer cannot learn from, naming the offending example.</summary>
internal static class TrainingSetCheck
{
    public static void Validate(IReadOnlyList<LabeledUtterance> examples, TrainerOptions options)
    {
        foreach (var example in examples)
        {
            if (string.IsNullOrWhiteSpace(example.Label))
            {
                throw new InvalidDataException($"{Where(example)}the label is empty.");
            }

            if (string.IsNullOrWhiteSpace(example.Text))
            {
                throw new InvalidDataException($"{Where(example)}the text is empty.");
            }
        }

        var groups = examples.GroupBy(e => e.Label, StringComparer.Ordinal).ToList();
        if (groups.Count < 2)
        {
            throw new InvalidDataException($"Training needs at least two labels; the data has {groups.Count}.");
        }

        foreach (var group in groups.Where(g => g.Count() < options.MinExamplesPerLabel))
        {
            throw new InvalidDataException(
                $"{Where(group.First())}label '{group.Key}' has only {group.Count()} example(s); each label needs at least {options.MinExamplesPerLabel}.");
        }

        if (options.OutOfScopeLabel is { } oos && groups.All(g => g.Key != oos))
        {
            throw new InvalidDataException($"The out-of-scope label '{oos}' does not occur in the data.");
        }
    }

    private static string Where(LabeledUtterance example) =>
        string.IsNullOrEmpty(example.Source) ? string.Empty : example.Source + ": ";
}
