namespace Helpdesk.Knowledge.Search;

/// <summary>
/// Groups of phrases that mean the same to a customer ("log in, sign in, login"), from a file
/// content owners edit: one group per line, phrases separated by commas, '#' starts a comment.
/// Wherever a phrase of a group occurs, in an article or a query, the analyzer adds the group's
/// token, so "can't sign in" finds an article that only says "log in".
/// </summary>
public sealed class SynonymSet
{
    private readonly Dictionary<string, List<(string[] Stems, string Token)>> _byFirstStem = new(StringComparer.Ordinal);

    private SynonymSet()
    {
    }

    public static SynonymSet Empty { get; } = new();

    public int GroupCount { get; private set; }


    public static SynonymSet Parse(string content)
    {
        var set = new SynonymSet();
        foreach (var raw in content.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Split('#')[0];
            var phrases = line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(phrase => EnglishAnalyzer.Words(phrase).Select(PorterStemmer.Stem).ToArray())
                .Where(stems => stems.Length > 0)
                .ToList();
            if (phrases.Count < 2) continue;

            var token = $"~syn{set.GroupCount++}";
            foreach (var stems in phrases)
            {
                if (!set._byFirstStem.TryGetValue(stems[0], out var entries))
                {
                    set._byFirstStem[stems[0]] = entries = [];
                }

                entries.Add((stems, token));
            }
        }

        return set;
    }

    public static SynonymSet Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>Appends a group token to <paramref name="terms"/> for each phrase occurrence in <paramref name="stems"/>.</summary>
    internal void AddGroupTokens(List<string> stems, List<string> terms)
    {
        if (_byFirstStem.Count == 0) return;
        for (var i = 0; i < stems.Count; i++)
        {
            if (!_byFirstStem.TryGetValue(stems[i], out var entries)) continue;
            foreach (var (phrase, token) in entries)
            {
                if (i + phrase.Length <= stems.Count && phrase.AsSpan().SequenceEqual(stems.GetRange(i, phrase.Length).ToArray()))
                {
                    terms.Add(token);
                    break;
                }
            }
        }
    }
}
