using System.Globalization;

namespace Helpdesk.Classifier.Text;

/// <summary>Recognises tokens whose exact value never decides an intent — numbers, amounts,
/// account and order identifiers — and names the placeholder that stands for them.</summary>
internal static class ValueTokens
{
    private static readonly HashSet<string> CurrencyCodes =
        ["usd", "eur", "gbp", "chf", "cad", "aud", "nzd", "jpy", "cny", "inr", "sek", "nok", "dkk", "pln", "czk", "huf", "brl", "mxn", "zar", "sgd", "hkd"];

    public static bool TryClassify(ReadOnlySpan<char> core, out string placeholder)
    {
        placeholder = string.Empty;
        if (core.IsEmpty)
        {
            return false;
        }

        int digits = 0, letters = 0, others = 0, currency = 0;
        foreach (var c in core)
        {
            // Apostrophes inside a word are dropped from the normalized text, so they must not change
            // what the word is: "a'a471" is classified as the "aa471" it becomes (normalizing twice = once).
            if (c is '\'' or '’') continue;
            if (char.IsAsciiDigit(c)) digits++;
            else if (char.IsLetter(c)) letters++;
            else if (char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol) currency++;
            else if (c is not ('-' or '.' or ',' or '_' or '/')) others++;
        }

        if (digits == 0 || others > 0)
        {
            return false;
        }

        if (letters == 0)
        {
            placeholder = currency > 0 ? TextNormalizer.MoneyToken : TextNormalizer.NumberToken;
            return true;
        }

        // "49.99eur", "20USD": an amount followed by a currency code.
        if (letters == 3 && char.IsAsciiDigit(core[0]) && CurrencyCodes.Contains(core[^3..].ToString().ToLowerInvariant()))
        {
            placeholder = TextNormalizer.MoneyToken;
            return true;
        }

        // "ACC-20931", "NB1048576", "INV-2024-0042": letters with at least three digits form an
        // identifier. Short mixes such as "2fa", "mp4" or "v2" stay words because they carry meaning.
        if (digits >= 3 && core.Length >= 5 && currency == 0)
        {
            placeholder = TextNormalizer.IdentifierToken;
            return true;
        }

        return false;
    }
}
