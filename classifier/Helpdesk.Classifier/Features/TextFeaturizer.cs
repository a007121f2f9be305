namespace Helpdesk.Classifier.Features;

/// <summary>
/// A fitted featurizer: the vocabulary of n-gram keys kept from the training data and their
/// inverse document frequencies. Features are sublinear TF-IDF (1 + ln tf) · idf; word and
/// character blocks are each L2-normalized and then weighted by <see cref="FeaturizerOptions.WordShare"/>,
/// so a long message and a short one land on the same scale. Immutable and thread-safe.
/// </summary>
public sealed class TextFeaturizer
{
    private readonly Dictionary<ulong, int> _indexByKey;
    private readonly float _wordScale;
    private readonly float _charScale;

    internal TextFeaturizer(FeaturizerOptions options, ulong[] keys, float[] idf, int wordFeatureCount)
    {
        Options = options;
        Keys = keys;
        Idf = idf;
        WordFeatureCount = wordFeatureCount;
        _indexByKey = new Dictionary<ulong, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            _indexByKey[keys[i]] = i;
        }

        _wordScale = (float)Math.Sqrt(options.WordShare);
        _charScale = (float)Math.Sqrt(1 - options.WordShare);
    }

    public FeaturizerOptions Options { get; }

    public int FeatureCount => Keys.Length;

    /// <summary>Vocabulary keys; word features occupy indices [0, WordFeatureCount).</summary>
    internal ulong[] Keys { get; }

    internal float[] Idf { get; }

    internal int WordFeatureCount { get; }

    /// <summary>Featurizes one normalized text into a new vector (used for training data).</summary>
    internal SparseVector TransformNormalized(string normalized)
    {
        using var scratch = new FeatureScratch(this, normalized.Length);
        var count = Transform(normalized, scratch);
        return new SparseVector(scratch.Indices[..count].ToArray(), scratch.Values[..count].ToArray());
    }

    /// <summary>Featurizes an already normalized text into <paramref name="scratch"/>; returns the
    /// number of distinct features, in ascending index order.</summary>
    internal int Transform(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        var keyCount = NgramHasher.Hash(normalized, Options, scratch.Keys, out _);
        var hits = scratch.Hits;
        var hitCount = 0;
        for (var i = 0; i < keyCount; i++)
        {
            if (_indexByKey.TryGetValue(scratch.Keys[i], out var index))
            {
                hits[hitCount++] = index;
            }
        }

        var sorted = hits[..hitCount];
        sorted.Sort();

        var indices = scratch.Indices;
        var values = scratch.Values;
        var count = 0;
        double wordNorm = 0, charNorm = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var run = i + 1;
            while (run < sorted.Length && sorted[run] == sorted[i]) run++;
            var index = sorted[i];
            var value = (1f + MathF.Log(run - i)) * Idf[index];
            indices[count] = index;
            values[count] = value;
            if (index < WordFeatureCount) wordNorm += value * value; else charNorm += value * value;
            count++;
            i = run;
        }

        var wordFactor = wordNorm > 0 ? _wordScale / (float)Math.Sqrt(wordNorm) : 0f;
        var charFactor = charNorm > 0 ? _charScale / (float)Math.Sqrt(charNorm) : 0f;
        for (var i = 0; i < count; i++)
        {
            values[i] *= indices[i] < WordFeatureCount ? wordFactor : charFactor;
        }

        return count;
    }
}
