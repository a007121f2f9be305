namespace Helpdesk.Classifier.Features;

/// <summary>
/// In how many texts each n-gram key occurs, separately for word and character n-grams. Counts
/// of disjoint sets of texts add up, so the trainer counts its training and validation parts once
/// and builds the vocabulary of either part, or of both, from the same counts.
/// </summary>
internal sealed class DocumentFrequencies
{
    private readonly Dictionary<ulong, int> _words;
    private readonly Dictionary<ulong, int> _characters;

    private DocumentFrequencies(Dictionary<ulong, int> words, Dictionary<ulong, int> characters, int documents)
    {
        _words = words;
        _characters = characters;
        Documents = documents;
    }

    public int Documents { get; }

    public static DocumentFrequencies Count(IEnumerable<string> normalizedTexts, FeaturizerOptions options)
    {
        var words = new Dictionary<ulong, int>();
        var characters = new Dictionary<ulong, int>();
        var distinct = new HashSet<ulong>();
        var keys = Array.Empty<ulong>();
        var documents = 0;
        foreach (var text in normalizedTexts)
        {
            documents++;
            var needed = NgramHasher.MaxKeys(text.Length, options);
            if (keys.Length < needed) keys = new ulong[needed];
            var count = NgramHasher.Hash(text, options, keys, out var wordCount);
            distinct.Clear();
            for (var i = 0; i < count; i++)
            {
                if (distinct.Add(keys[i]))
                {
                    var frequency = i < wordCount ? words : characters;
                    frequency[keys[i]] = frequency.GetValueOrDefault(keys[i]) + 1;
                }
            }
        }

        return new DocumentFrequencies(words, characters, documents);
    }

    public DocumentFrequencies Plus(DocumentFrequencies other) =>
        new(Sum(_words, other._words), Sum(_characters, other._characters), Documents + other.Documents);

    /// <summary>Keeps the most frequent features that reach the minimum document frequency.</summary>
    public TextFeaturizer Build(FeaturizerOptions options, int maxFeatures)
    {
        // Ties are broken by key so the vocabulary does not depend on dictionary order.
        var kept = _words.Select(p => (Key: p.Key, Df: p.Value, IsWord: true))
            .Concat(_characters.Select(p => (Key: p.Key, Df: p.Value, IsWord: false)))
            .Where(f => f.Df >= options.MinDocumentFrequency)
            .OrderByDescending(f => f.Df).ThenBy(f => f.Key)
            .Take(maxFeatures)
            .OrderByDescending(f => f.IsWord).ThenBy(f => f.Key)
            .ToArray();

        var keys = kept.Select(f => f.Key).ToArray();
        var idf = kept.Select(f => (float)(Math.Log((1.0 + Documents) / (1.0 + f.Df)) + 1.0)).ToArray();
        return new TextFeaturizer(options, keys, idf, kept.Count(f => f.IsWord));
    }

    private static Dictionary<ulong, int> Sum(Dictionary<ulong, int> left, Dictionary<ulong, int> right)
    {
        var sum = new Dictionary<ulong, int>(left);
        foreach (var (key, count) in right)
        {
            sum[key] = sum.GetValueOrDefault(key) + count;
        }

        return sum;
    }
}
