using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Tests.Search;

public sealed class PorterStemmerTests
{
    // Expected stems from Porter's published vocabulary and output files.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("hopefulness", "hope")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("connection", "connect")]
    [InlineData("connected", "connect")]
    [InlineData("charged", "charg")]
    [InlineData("charging", "charg")]
    [InlineData("sky", "sky")]
    public void Stem_KnownWords_MatchPorter(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.Stem(word));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("nb-e102")]
    [InlineData("café")]
    public void Stem_ShortOrNonAsciiWords_AreUnchanged(string word)
    {
        Assert.Equal(word, PorterStemmer.Stem(word));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool Stem_NeverThrowsAndNeverGrows(FsCheck.NonNull<string> text)
    {
        var word = new string(text.Get.Select(c => (char)('a' + Math.Abs(c % 26))).ToArray());

        return PorterStemmer.Stem(word).Length <= Math.Max(word.Length, 1);
    }
}
