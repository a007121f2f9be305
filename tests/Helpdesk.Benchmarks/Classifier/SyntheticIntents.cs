using Helpdesk.Classifier.Data;

namespace Helpdesk.Benchmarks.Classifier;

/// <summary>
/// A reproducible stand-in for a public benchmark's shape (e.g. 10,000 utterances over 77 labels):
/// each label has its own small vocabulary mixed into shared filler words, with occasional typos.
/// It measures speed and size; accuracy figures come from real data sets (docs/performance.md).
/// </summary>
internal static class SyntheticIntents
{
    public static IReadOnlyList<LabeledUtterance> Generate(int labels, int perLabel, int seed = 7)
    {
        var random = new Random(seed);
        var shared = Enumerable.Range(0, 3000).Select(_ => Word(random)).ToArray();
        var vocabularies = Enumerable.Range(0, labels)
            .Select(_ => Enumerable.Range(0, 12).Select(_ => Word(random)).Concat(random.GetItems(shared, 20)).ToArray())
            .ToArray();

        var examples = new List<LabeledUtterance>(labels * perLabel);
        for (var label = 0; label < labels; label++)
        {
            for (var i = 0; i < perLabel; i++)
            {
                var words = Enumerable.Range(0, random.Next(6, 17))
                    .Select(_ => random.NextDouble() < 0.35 ? random.GetItems(vocabularies[label], 1)[0] : random.GetItems(shared, 1)[0]);
                var text = string.Join(' ', words);
                if (random.NextDouble() < 0.2)
                {
                    var position = random.Next(text.Length);
                    text = string.Concat(text.AsSpan(0, position), ((char)('a' + random.Next(26))).ToString(), text.AsSpan(position + 1));
                }

                examples.Add(new LabeledUtterance(text, $"intent_{label:00}"));
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(examples));
        return examples;
    }

    public static void WriteCsv(string path, int labels, int perLabel)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("text,label");
        foreach (var example in Generate(labels, perLabel))
        {
            writer.Write(example.Text);
            writer.Write(',');
            writer.WriteLine(example.Label);
        }
    }

    private static string Word(Random random) =>
        new(Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray());
}
