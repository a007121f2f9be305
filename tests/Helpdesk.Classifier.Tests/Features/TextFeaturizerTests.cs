using Helpdesk.Classifier.Features;
using Helpdesk.Classifier.Model;

namespace Helpdesk.Classifier.Tests.Features;

public sealed class TextFeaturizerTests
{
    private static readonly IntentModel Model = Examples.Trainer().Fit(Examples.Support);

    [Fact]
    public void Transform_SameText_GivesTheSameVector()
    {
        var first = Model.Featurizer.TransformNormalized("where is my refund");
        var second = Model.Featurizer.TransformNormalized("where is my refund");

        Assert.Equal(first.Indices, second.Indices);
        Assert.Equal(first.Values, second.Values);
    }

    [Fact]
    public void Transform_KnownText_HasUnitLengthAndAscendingIndices()
    {
        var vector = Model.Featurizer.TransformNormalized("where is my refund");

        var length = Math.Sqrt(vector.Values.Sum(v => (double)v * v));
        Assert.Equal(1.0, length, 4);
        Assert.Equal(vector.Indices.Order(), vector.Indices);
        Assert.Equal(vector.Indices.Distinct().Count(), vector.Count);
    }

    [Fact]
    public void Transform_TextWithNoKnownNgram_IsEmpty()
    {
        var vector = Model.Featurizer.TransformNormalized("zzqx");

        Assert.Equal(0, vector.Count);
    }

    [Fact]
    public void Transform_WordOrder_ChangesTheBigrams()
    {
        var forward = Model.Featurizer.TransformNormalized("my order");
        var reversed = Model.Featurizer.TransformNormalized("order my");

        Assert.NotEqual(forward.Indices, reversed.Indices);
    }

    [Fact]
    public void Hash_CharacterNgrams_SpanWordBoundaries()
    {
        var options = new FeaturizerOptions { WordNgramMax = 1, CharNgramMin = 3, CharNgramMax = 3 };
        var keys = new ulong[NgramHasher.MaxKeys(5, options)];

        var count = NgramHasher.Hash("ab cd", options, keys, out var words);

        // Read as " ab cd ": " ab", "ab ", "b c", " cd", "cd "; "b c" crosses the space between the words.
        Assert.Equal(2, words);
        Assert.Equal(2 + 5, count);
    }
}
