namespace Helpdesk.Classifier.Features;

/// <summary>
/// Enumerates the n-gram keys of a normalized text as 64-bit FNV-1a hashes, words first, then
/// characters. Hashing spans instead of building substrings keeps prediction allocation-free;
/// at 64 bits a collision among a few hundred thousand n-grams is vanishingly unlikely, and the
/// vocabulary stores the keys, so the mapping is exact for everything seen in training.
/// </summary>
internal static class NgramHasher
{
    private const ulong Prime = 1099511628211UL;
    private const ulong WordSeed = 14695981039346656037UL;
    private const ulong CharSeed = 0x9E3779B97F4A7C15UL;

    public static int MaxKeys(int textLength, FeaturizerOptions options)
    {
        var words = textLength / 2 + 1;
        var charSpan = options.CharNgramMax - options.CharNgramMin + 1;
        return words * options.WordNgramMax + (textLength + 2) * charSpan;
    }

    /// <summary>Writes the keys of <paramref name="text"/> into <paramref name="keys"/>; returns how
    /// many, and in <paramref name="wordKeyCount"/> how many of those are word n-grams.</summary>
    public static int Hash(ReadOnlySpan<char> text, FeaturizerOptions options, Span<ulong> keys, out int wordKeyCount)
    {
        var count = HashWords(text, options.WordNgramMax, keys);
        wordKeyCount = count;
        count += HashCharacters(text, options.CharNgramMin, options.CharNgramMax, keys[count..]);
        return count;
    }

    private static int HashWords(ReadOnlySpan<char> text, int maxOrder, Span<ulong> keys)
    {
        Span<int> starts = stackalloc int[4];
        Span<int> ends = stackalloc int[4];
        var count = 0;
        var seen = 0;
        var position = 0;
        while (position < text.Length)
        {
            var end = text[position..].IndexOf(' ');
            end = end < 0 ? text.Length : position + end;

            // Keep the last maxOrder word spans in a ring, newest at seen % 4.
            starts[seen % 4] = position;
            ends[seen % 4] = end;
            seen++;

            for (var order = 1; order <= Math.Min(maxOrder, seen); order++)
            {
                var first = (seen - order) % 4;
                keys[count++] = Step(WordSeed ^ (ulong)order, text[starts[first]..end]);
            }

            position = end + 1;
        }

        return count;
    }

    private static int HashCharacters(ReadOnlySpan<char> text, int minOrder, int maxOrder, Span<ulong> keys)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        // The text is read as if padded with one space on each side, so a word's first and last
        // letters form n-grams of their own (" pa", "rd ").
        var padded = text.Length + 2;
        var count = 0;
        for (var start = 0; start < padded; start++)
        {
            var hash = CharSeed;
            for (var order = 1; order <= maxOrder && start + order <= padded; order++)
            {
                var position = start + order - 1;
                var c = position == 0 || position == padded - 1 ? ' ' : text[position - 1];
                hash = (hash ^ c) * Prime;
                if (order >= minOrder)
                {
                    keys[count++] = hash;
                }
            }
        }

        return count;
    }

    private static ulong Step(ulong hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
