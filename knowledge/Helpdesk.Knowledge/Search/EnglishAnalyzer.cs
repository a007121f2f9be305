using System.Text;

namespace Helpdesk.Knowledge.Search;

/// <summary>
/// Turns text into index terms: NFKC, lower case, words of letters and digits, English stop words
/// dropped, Porter-stemmed. Apostrophes inside words are dropped ("can't" → "cant"), so customers'
/// casual spelling and an article's formal one meet.
/// </summary>
public static class EnglishAnalyzer
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
        "could", "did", "do", "does", "doing", "for", "from", "had", "has", "have", "having", "he", "her", "here",
        "hers", "him", "his", "how", "i", "if", "im", "in", "into", "is", "it", "its", "ive", "just", "me", "my",
        "myself", "of", "on", "or", "our", "ours", "please", "pls", "plz", "she", "should", "so", "some", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "us", "was",
        "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
        "your", "yours", "hi", "hello", "thanks", "thank", "want", "need", "get", "got", "still", "also", "ok", "okay",
        "tell", "know", "like", "really", "much", "many", "way", "something", "anything", "thing", "things", "let",
        "say", "go", "going", "very", "now", "yet", "again", "ever", "well", "sure", "maybe", "kind", "sort", "one",
        "help", "anyone", "someone",
    ];

    /// <summary>The stemmed, stop-word-free terms of a text, in order, followed by a token for each
    /// synonym phrase found in it (see <see cref="SynonymSet"/>).</summary>
    public static List<string> Terms(string? text, SynonymSet? synonyms = null)
    {
        var stems = Words(text).Select(word => (Word: word, Stem: PorterStemmer.Stem(word))).ToList();
        var terms = stems.Where(w => !StopWords.Contains(w.Word)).Select(w => w.Stem).ToList();
        synonyms?.AddGroupTokens(stems.Select(w => w.Stem).ToList(), terms);
        return terms;
    }

    /// <summary>The lower-case words of a text, before stop words and stemming.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var word = new StringBuilder();
        for (var i = 0; i <= normalized.Length; i++)
        {
            var c = i < normalized.Length ? normalized[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            var apostrophe = c is '\'' or '’' && word.Length > 0 && i + 1 < normalized.Length && char.IsLetter(normalized[i + 1]);
            if (apostrophe)
            {
                // "customer's" → "customer"; "can't" → "cant".
                if (i + 2 >= normalized.Length || !char.IsLetter(normalized[i + 2]))
                {
                    if (char.ToLowerInvariant(normalized[i + 1]) == 's') i++;
                }

                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

}
