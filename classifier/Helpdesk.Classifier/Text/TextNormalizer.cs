using System.Text;
using System.Text.RegularExpressions;

namespace Helpdesk.Classifier.Text;

/// <summary>
/// Turns raw customer text into the canonical form the featurizer reads: NFKC, lower case,
/// single spaces, and placeholder tokens for things whose exact value never decides an intent
/// (URLs, e-mail addresses, phone numbers, account or order identifiers, amounts, numbers).
/// Normalizing twice gives the same result as normalizing once.
/// </summary>
public static partial class TextNormalizer
{
    public const string UrlToken = "<url>";
    public const string EmailToken = "<email>";
    public const string PhoneToken = "<phone>";
    public const string IdentifierToken = "<id>";
    public const string MoneyToken = "<money>";
    public const string NumberToken = "<num>";

    /// <summary>Longer messages are cut here: the intent of a support message is in its opening,
    /// and a bound keeps a pasted log file from costing more than a normal message.</summary>
    public const int DefaultMaxCharacters = 2_000;

    private static readonly string[] Placeholders =
        [UrlToken, EmailToken, PhoneToken, IdentifierToken, MoneyToken, NumberToken];

    /// <summary>True when a normalized text holds a word, not only punctuation marks.</summary>
    public static bool HasWords(string normalized) => normalized.AsSpan().ContainsAnyExcept("?! ");

    public static string Normalize(string? text, int maxCharacters = DefaultMaxCharacters)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var bounded = text.Length > maxCharacters ? text[..maxCharacters] : text;
        var composed = IsAsciiOrNormalized(bounded) ? bounded : bounded.Normalize(NormalizationForm.FormKC);
        var marked = MarkStructuredValues(composed);

        var output = new StringBuilder(marked.Length);
        foreach (var rawToken in marked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            AppendToken(output, rawToken);
        }

        return output.ToString();
    }

    private static bool IsAsciiOrNormalized(string text) =>
        Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormKC);

    // Values spanning several whitespace-separated pieces (phones with spaces) or containing
    // punctuation that would otherwise split them (URLs, e-mails) are replaced before tokenizing.
    // Cheap checks first: most messages hold no URL, address or long number, and skipping the
    // regular expressions for them keeps prediction fast.
    private static string MarkStructuredValues(string text)
    {
        var result = text;
        if (text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            result = UrlPattern().Replace(result, " " + UrlToken + " ");
        }

        if (result.Contains('@'))
        {
            result = EmailPattern().Replace(result, " " + EmailToken + " ");
        }

        if (DigitCount(result) >= 7)
        {
            result = PhonePattern().Replace(result, match =>
                DigitCount(match.Value) >= 7 ? " " + PhoneToken + " " : match.Value);
        }

        return result;
    }

    private static void AppendToken(StringBuilder output, string rawToken)
    {
        if (rawToken[0] == '<' && FindPlaceholder(rawToken) is { } placeholderToken)
        {
            AppendWord(output, placeholderToken);
            return;
        }

        var core = rawToken.AsSpan().Trim(TrimmedPunctuation);
        if (ValueTokens.TryClassify(core, out var placeholder))
        {
            AppendLeadingMarks(output, rawToken);
            AppendWord(output, placeholder);
            AppendTrailingMarks(output, rawToken);
            return;
        }

        AppendLeadingMarks(output, rawToken);
        AppendWords(output, core);
        AppendTrailingMarks(output, rawToken);
    }

    private static int DigitCount(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) digits++;
        }

        return digits;
    }

    private static string? FindPlaceholder(string token)
    {
        foreach (var placeholder in Placeholders)
        {
            if (placeholder.Equals(token, StringComparison.OrdinalIgnoreCase)) return placeholder;
        }

        return null;
    }

    private const string TrimmedPunctuation = "\"'`()[]{}<>.,;:!?*_~#|/\\-+=…‘’“”«»";

    private static void AppendLeadingMarks(StringBuilder output, string rawToken)
    {
        foreach (var c in rawToken)
        {
            if (!TrimmedPunctuation.Contains(c)) break;
            AppendMark(output, c);
        }
    }

    private static void AppendTrailingMarks(StringBuilder output, string rawToken)
    {
        var start = rawToken.Length;
        while (start > 0 && TrimmedPunctuation.Contains(rawToken[start - 1]))
        {
            start--;
        }

        if (start == 0)
        {
            return; // the whole token was punctuation and was already emitted as leading marks
        }

        for (var i = start; i < rawToken.Length; i++)
        {
            AppendMark(output, rawToken[i]);
        }
    }

    // Question and exclamation marks carry signal ("how do I …?", "WHY!!!"); repeated marks
    // collapse to one so "!!!!" and "!" read alike. Other punctuation is dropped.
    private static void AppendMark(StringBuilder output, char c)
    {
        if (c is not ('?' or '!'))
        {
            return;
        }

        var mark = c.ToString();
        if (EndsWithWord(output, mark))
        {
            return;
        }

        AppendWord(output, mark);
    }

    private static bool EndsWithWord(StringBuilder output, string word)
    {
        if (output.Length < word.Length) return false;
        for (var i = 0; i < word.Length; i++)
        {
            if (output[output.Length - word.Length + i] != word[i]) return false;
        }

        return output.Length == word.Length || output[output.Length - word.Length - 1] == ' ';
    }

    // Splits a token on inner punctuation, drops apostrophes inside words ("can't" → "cant"),
    // lower-cases, and shortens runs of three or more identical letters to two ("sooooo" → "soo").
    private static void AppendWords(StringBuilder output, ReadOnlySpan<char> core)
    {
        var wordStart = -1;
        for (var i = 0; i <= core.Length; i++)
        {
            var c = i < core.Length ? core[i] : ' ';
            if (char.IsLetterOrDigit(c) || IsInnerApostrophe(core, i))
            {
                if (wordStart < 0) wordStart = i;
                continue;
            }

            if (wordStart >= 0)
            {
                var word = core[wordStart..i];
                if (ValueTokens.TryClassify(word, out var placeholder))
                {
                    AppendWord(output, placeholder);
                }
                else
                {
                    AppendCleanWord(output, word);
                }

                wordStart = -1;
            }

            AppendMark(output, c);
        }
    }

    private static bool IsInnerApostrophe(ReadOnlySpan<char> core, int i) =>
        i > 0 && i < core.Length - 1 && core[i] is '\'' or '’' && char.IsLetter(core[i - 1]) && char.IsLetter(core[i + 1]);

    private static void AppendCleanWord(StringBuilder output, ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var raw in word)
        {
            if (raw is '\'' or '’') continue;
            var c = char.ToLowerInvariant(raw);
            if (length >= 2 && buffer[length - 1] == c && buffer[length - 2] == c && char.IsLetter(c)) continue;
            buffer[length++] = c;
        }

        if (length > 0)
        {
            AppendWord(output, buffer[..length]);
        }
    }

    private static void AppendWord(StringBuilder output, ReadOnlySpan<char> word)
    {
        if (output.Length > 0) output.Append(' ');
        output.Append(word);
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // A phone number: an optional +, then digits with spaces, dots, dashes or parentheses between
    // them; the caller keeps only matches with seven or more digits, so dates and amounts survive.
    [GeneratedRegex(@"(?<![\w.])\+?\(?\d[\d ().-]{5,}\d(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
