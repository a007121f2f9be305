using System.Text.RegularExpressions;

namespace Helpdesk.Triage.Dialog;

/// <summary>Reads short answers the way people type them: "yep", "nope, still broken", "I don't have one".</summary>
public static partial class Answers
{
    public static bool IsYes(string text) => Yes().IsMatch(text);

    public static bool IsNo(string text) => No().IsMatch(text);

    public static bool IsSkip(string text) => Skip().IsMatch(text);

    public static bool SaysNoAccountId(string text) => NoAccount().IsMatch(text);

    /// <summary>A satisfaction rating: a whole number from 1 to 5, alone; null for anything else.</summary>
    public static int? Rating(string text) =>
        int.TryParse(text.Trim().TrimEnd('.', '!'), out var stars) && stars is >= 1 and <= 5 ? stars : null;

    /// <summary>The choice whose title or value the customer typed (case and surrounding punctuation ignored), or their 1-based number.</summary>
    public static PendingChoice? Pick(string text, IReadOnlyList<PendingChoice> choices)
    {
        var typed = text.Trim().TrimEnd('.', '!', '?').Trim();
        foreach (var choice in choices)
        {
            if (string.Equals(typed, choice.Title, StringComparison.OrdinalIgnoreCase) || string.Equals(typed, choice.Value, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        return int.TryParse(typed, out var number) && number >= 1 && number <= choices.Count ? choices[number - 1] : null;
    }

    [GeneratedRegex(@"^\W*(yes|yeah|yep|yup|y|sure|it did|that did it|solved|fixed|that (solved|fixed|worked)|it worked|works now|perfect|great|thanks,? (that|it) (helped|worked))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\W*(no|nope|nah|n|not really|it didn'?t|didn'?t (help|work)|still (broken|not working|need help)|that didn'?t)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex No();

    [GeneratedRegex(@"^\W*(skip|pass|no thanks|rather not|prefer not|don'?t want to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Skip();

    [GeneratedRegex(@"\b(don'?t|do not|dont) (have|know|remember)|no (account|idea)|can'?t find|not sure|lost it|haven'?t got", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoAccount();
}
