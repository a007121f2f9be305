namespace Helpdesk.Knowledge.Search;

/// <summary>
/// The Porter (1980) suffix-stripping algorithm for English, so "charged", "charges" and
/// "charging" all index as "charg". Input is a lower-case ASCII word; anything else is returned
/// unchanged. See https://tartarus.org/martin/PorterStemmer/def.txt.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !IsLowerAscii(word)) return word;
        var b = word.ToCharArray();
        var k = b.Length - 1;
        k = Step1ab(b, k);
        if (k > 0)
        {
            k = Step1c(b, k);
            k = Step2(b, k);
            k = Step3(b, k);
            k = Step4(b, k);
            k = Step5(b, k);
        }

        return new string(b, 0, k + 1);
    }

    private static bool IsLowerAscii(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z') return false;
        }

        return true;
    }

    private static bool IsConsonant(char[] b, int i) => b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(b, i - 1),
        _ => true,
    };

    // m() measures the number of vowel-consonant sequences in b[0..j].
    private static int Measure(char[] b, int j)
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (i > j) return n;
            if (!IsConsonant(b, i)) break;
            i++;
        }

        i++;
        while (true)
        {
            while (true)
            {
                if (i > j) return n;
                if (IsConsonant(b, i)) break;
                i++;
            }

            i++;
            n++;
            while (true)
            {
                if (i > j) return n;
                if (!IsConsonant(b, i)) break;
                i++;
            }

            i++;
        }
    }

    private static bool HasVowel(char[] b, int j)
    {
        for (var i = 0; i <= j; i++)
        {
            if (!IsConsonant(b, i)) return true;
        }

        return false;
    }

    private static bool EndsWithDoubleConsonant(char[] b, int j) => j >= 1 && b[j] == b[j - 1] && IsConsonant(b, j);

    // cvc(i): consonant-vowel-consonant ending, the last not w, x or y ("hop" → "hope" restoration).
    private static bool Cvc(char[] b, int i) =>
        i >= 2 && IsConsonant(b, i) && !IsConsonant(b, i - 1) && IsConsonant(b, i - 2) && b[i] is not ('w' or 'x' or 'y');

    private static bool Ends(char[] b, int k, string suffix, out int j)
    {
        j = k - suffix.Length;
        if (suffix.Length > k + 1) return false;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (b[k - suffix.Length + 1 + i] != suffix[i]) return false;
        }

        return true;
    }

    // Replaces b[j+1..k] with the replacement; returns the new k.
    private static int SetTo(char[] b, int j, string replacement)
    {
        for (var i = 0; i < replacement.Length; i++) b[j + 1 + i] = replacement[i];
        return j + replacement.Length;
    }

    private static int ReplaceIfMeasured(char[] b, int k, int j, string replacement) =>
        Measure(b, j) > 0 ? SetTo(b, j, replacement) : k;

    private static int Step1ab(char[] b, int k)
    {
        int j;
        if (b[k] == 's')
        {
            if (Ends(b, k, "sses", out j)) k -= 2;
            else if (Ends(b, k, "ies", out j)) k = SetTo(b, j, "i");
            else if (b[k - 1] != 's') k--;
        }

        if (Ends(b, k, "eed", out j))
        {
            if (Measure(b, j) > 0) k--;
        }
        else if ((Ends(b, k, "ed", out j) || Ends(b, k, "ing", out j)) && HasVowel(b, j))
        {
            k = j;
            if (Ends(b, k, "at", out j)) k = SetTo(b, j, "ate");
            else if (Ends(b, k, "bl", out j)) k = SetTo(b, j, "ble");
            else if (Ends(b, k, "iz", out j)) k = SetTo(b, j, "ize");
            else if (EndsWithDoubleConsonant(b, k))
            {
                if (b[k] is not ('l' or 's' or 'z')) k--;
            }
            else if (Measure(b, k) == 1 && Cvc(b, k))
            {
                k = SetTo(b, k, "e");
            }
        }

        return k;
    }

    private static int Step1c(char[] b, int k) =>
        Ends(b, k, "y", out var j) && HasVowel(b, j) ? SetTo(b, j, "i") : k;

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    private static int Step2(char[] b, int k) => ApplyFirst(b, k, Step2Rules);

    private static int Step3(char[] b, int k) => ApplyFirst(b, k, Step3Rules);

    private static int ApplyFirst(char[] b, int k, (string Suffix, string Replacement)[] rules)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (Ends(b, k, suffix, out var j)) return ReplaceIfMeasured(b, k, j, replacement);
        }

        return k;
    }

    private static int Step4(char[] b, int k)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!Ends(b, k, suffix, out var j)) continue;

            // "ion" is removed only after s or t ("adoption" → "adopt", but not "onion").
            if (suffix == "ion" && (j < 0 || b[j] is not ('s' or 't'))) return k;
            return Measure(b, j) > 1 ? j : k;
        }

        return k;
    }

    private static int Step5(char[] b, int k)
    {
        if (b[k] == 'e')
        {
            var m = Measure(b, k - 1);
            if (m > 1 || (m == 1 && !Cvc(b, k - 1))) k--;
        }

        if (b[k] == 'l' && EndsWithDoubleConsonant(b, k) && Measure(b, k - 1) > 1) k--;
        return k;
    }
}
