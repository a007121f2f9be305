using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Helpdesk.Classifier.Text;

namespace Helpdesk.Classifier.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Please see https://status.northbeam.example/incidents/42 now", "please see <url> now")]
    [InlineData("mail me at jo.smith+test@example.com!", "mail me at <email> !")]
    [InlineData("call +44 20 7946 0958 tomorrow", "call <phone> tomorrow")]
    [InlineData("my account is ACC-20931.", "my account is <id>")]
    [InlineData("order #558213 is late", "order <num> is late")]
    [InlineData("charged €49.99 twice", "charged <money> twice")]
    [InlineData("charged 49.99EUR", "charged <money>")]
    [InlineData("2fa code", "2fa code")]
    public void Normalize_StructuredValues_BecomePlaceholders(string text, string expected)
    {
        var normalized = TextNormalizer.Normalize(text);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("I CAN'T   LOG IN", "i cant log in")]
    [InlineData("pleaseeeee help!!!!", "pleasee help !")]
    [InlineData("ＡＣＣＯＵＮＴ locked", "account locked")]
    [InlineData("why?!", "why ? !")]
    [InlineData("don’t charge me", "dont charge me")]
    [InlineData("refund/return", "refund return")]
    public void Normalize_CasualText_IsCanonical(string text, string expected)
    {
        var normalized = TextNormalizer.Normalize(text);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Normalize_EmptyOrWhitespace_ReturnsEmpty(string? text)
    {
        Assert.Equal(string.Empty, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_VeryLongText_IsCutAtTheLimit()
    {
        var text = string.Concat(Enumerable.Repeat("refund ", 20_000));

        var normalized = TextNormalizer.Normalize(text);

        Assert.True(normalized.Length <= TextNormalizer.DefaultMaxCharacters);
    }

    [Theory]
    [InlineData("a'a471")]
    [InlineData("o'neil 12345")]
    [InlineData("it's ACC-20931")]
    public void Normalize_Twice_EqualsOnce_ForApostrophesInIdentifiers(string text)
    {
        var once = TextNormalizer.Normalize(text);

        Assert.Equal(once, TextNormalizer.Normalize(once));
    }

    [Property(MaxTest = 2000)]
    public bool Normalize_Twice_EqualsOnce(NonNull<string> text)
    {
        var once = TextNormalizer.Normalize(text.Get);

        return TextNormalizer.Normalize(once) == once;
    }

    [Property(MaxTest = 300)]
    public bool Normalize_IgnoresAsciiCase(NonNull<string> text)
    {
        var ascii = new string(text.Get.Where(char.IsAscii).ToArray());

        return TextNormalizer.Normalize(ascii.ToUpperInvariant()) == TextNormalizer.Normalize(ascii.ToLowerInvariant());
    }

    [Property(MaxTest = 300)]
    public Property Normalize_IgnoresExtraWhitespaceBetweenWords(NonEmptyArray<PositiveInt> wordLengths)
    {
        var words = wordLengths.Get.Select((length, i) => new string((char)('a' + i % 26), 1 + length.Get % 9)).ToArray();

        var single = TextNormalizer.Normalize(string.Join(' ', words));
        var spaced = TextNormalizer.Normalize("  " + string.Join(" \t  \n", words) + " ");

        return (single == spaced).ToProperty();
    }
}
