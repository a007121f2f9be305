using System.Text.RegularExpressions;

namespace Helpdesk.Triage.Dialog;

/// <summary>
/// Sentiment and frustration signals in one message. Strong signals (insults, shouting, "this is
/// useless") send the customer straight to a person; mild ones are only recorded for the agent.
/// </summary>
public static partial class FrustrationDetector
{
    public const string Insult = "insult";
    public const string Shouting = "shouting";
    public const string BotIsUseless = "says the bot is useless";
    public const string Negative = "negative wording";
    public const string RepeatedFailure = "not understood repeatedly";

    public static IReadOnlyList<string> Signals(string text)
    {
        var signals = new List<string>();
        if (Insults().IsMatch(text)) signals.Add(Insult);
        if (IsShouting(text)) signals.Add(Shouting);
        if (Useless().IsMatch(text)) signals.Add(BotIsUseless);
        if (NegativeWords().IsMatch(text) || text.Contains("!!", StringComparison.Ordinal)) signals.Add(Negative);
        return signals;
    }

    public static bool IsFrustrated(IReadOnlyList<string> signals) =>
        signals.Contains(Insult) || signals.Contains(Shouting) || signals.Contains(BotIsUseless);

    // Shouting: a real sentence in capitals. Short codes ("ACC-20931", "VAT") are not shouting.
    private static bool IsShouting(string text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        }

        return upper >= 12 && upper >= 4 * lower;
    }

    [GeneratedRegex(@"\b(idiot(ic)?|stupid|dumb|moron(ic)?|crap(py)?|shit(ty)?|fuck\w*|wtf|damn|bloody|rubbish bot|pathetic|incompetent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Insults();

    [GeneratedRegex(@"\b(this|you|bot|it)('re| are| is)? (completely |totally |so |absolutely )?(useless|pointless|worthless|a waste of time|not helping|no help)\b|\bwaste of (my )?time\b|\bgoing (round|around) in circles\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Useless();

    [GeneratedRegex(@"\b(frustrat\w*|annoy\w*|angry|furious|ridiculous|unacceptable|terrible|awful|fed up|sick of|again and again|still not)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeWords();
}
