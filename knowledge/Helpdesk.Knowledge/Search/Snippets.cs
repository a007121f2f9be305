using System.Text;
using System.Text.RegularExpressions;
using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Search;

/// <summary>Picks the section that best answers a query and quotes a passage of it with the query's
/// words in bold, so a customer sees why the article was suggested.</summary>
internal static partial class Snippets
{
    private const int WindowWords = 28;

    public static ArticleSection BestSection(Article article, HashSet<string> queryTerms, float[] idf, Dictionary<string, int> termIds)
    {
        var best = article.Sections[0];
        var bestScore = -1f;
        foreach (var section in article.Sections)
        {
            var terms = EnglishAnalyzer.Terms(section.Heading + " " + section.Text).ToHashSet(StringComparer.Ordinal);
            var score = terms.Where(queryTerms.Contains).Sum(term => termIds.TryGetValue(term, out var id) ? idf[id] : 0f);
            if (score > bestScore)
            {
                (best, bestScore) = (section, score);
            }
        }

        return best;
    }

    /// <summary>About <see cref="WindowWords"/> words of the section around its first match, markdown-escaped,
    /// with matching words in **bold**.</summary>
    public static string Highlight(ArticleSection section, IReadOnlyCollection<string> queryTerms)
    {
        var text = section.Text.Length > 0 ? section.Text : section.Heading;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = words.Select(word => IsMatch(word, queryTerms)).ToArray();
        var first = Array.IndexOf(matches, true);
        var start = Math.Max(0, first - WindowWords / 3);
        var end = Math.Min(words.Length, start + WindowWords);

        var snippet = new StringBuilder();
        if (start > 0) snippet.Append("… ");
        for (var i = start; i < end; i++)
        {
            if (i > start) snippet.Append(' ');
            var escaped = MarkdownSpecial().Replace(words[i], @"\$0");
            if (i == 0 && LineStartMarker().IsMatch(escaped)) escaped = "\\" + escaped;
            snippet.Append(matches[i] ? $"**{escaped}**" : escaped);
        }

        if (end < words.Length) snippet.Append(" …");
        return snippet.ToString();
    }

    private static bool IsMatch(string word, IReadOnlyCollection<string> queryTerms) =>
        EnglishAnalyzer.Terms(word) is [var term] && queryTerms.Contains(term);

    // Inside a line only these change how markdown renders; angle brackets are escaped so no
    // client ever sees a tag.
    [GeneratedRegex(@"[\\`*_\[\]<>|~]")]
    private static partial Regex MarkdownSpecial();

    // At the start of a line, these would turn the snippet into a heading, list item or quote.
    [GeneratedRegex(@"^([#>+-]|\d+[.)])")]
    private static partial Regex LineStartMarker();
}
