using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Search;

/// <summary>Collects articles and synonyms, then builds an immutable <see cref="ArticleIndex"/>.
/// Only published articles are indexed.</summary>
public sealed class ArticleIndexBuilder
{
    private readonly List<Article> _articles = [];
    private SynonymSet _synonyms = SynonymSet.Empty;

    public ArticleIndexBuilder Add(IEnumerable<Article> articles)
    {
        _articles.AddRange(articles);
        return this;
    }

    public ArticleIndexBuilder UseSynonyms(SynonymSet synonyms)
    {
        _synonyms = synonyms;
        return this;
    }

    public ArticleIndex Build()
    {
        var articles = _articles.Where(a => a.Status == ArticleStatus.Published)
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

        // Analysis is the expensive part and independent per article; merging stays sequential
        // so term ids do not depend on thread timing.
        var fields = new Dictionary<string, int>[articles.Count][];
        Parallel.For(0, articles.Count, d => fields[d] = AnalyzeFields(articles[d], _synonyms));

        var lengths = fields.Select(f => f.Select(terms => terms.Values.Sum()).ToArray()).ToArray();
        var averages = Enumerable.Range(0, FieldWeights.Count)
            .Select(f => Math.Max(1f, articles.Count == 0 ? 1f : (float)lengths.Average(l => l[f]))).ToArray();

        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<Posting>>();
        for (var d = 0; d < articles.Count; d++)
        {
            var combined = new Dictionary<string, float>(StringComparer.Ordinal);
            for (var f = 0; f < FieldWeights.Count; f++)
            {
                var norm = 1 - FieldWeights.LengthNormalization[f] + FieldWeights.LengthNormalization[f] * lengths[d][f] / averages[f];
                foreach (var (term, count) in fields[d][f])
                {
                    combined[term] = combined.GetValueOrDefault(term) + FieldWeights.Boost[f] * count / norm;
                }
            }

            foreach (var (term, frequency) in combined.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    termIds[term] = id = postings.Count;
                    postings.Add([]);
                }

                postings[id].Add(new Posting(d, frequency));
            }
        }

        var terms = new string[termIds.Count];
        foreach (var (term, id) in termIds) terms[id] = term;
        return new ArticleIndex(articles, _synonyms, terms, postings.Select(p => p.ToArray()).ToArray());
    }

    private static Dictionary<string, int>[] AnalyzeFields(Article article, SynonymSet synonyms)
    {
        // Intent labels ("billing_dispute") are words a customer might use, so they join the tags.
        var tags = string.Join(" , ", article.Tags.Concat(article.Products).Concat(article.Intents.Select(i => i.Replace('_', ' '))));
        string[] texts =
        [
            article.Title,
            tags,
            string.Join(" , ", article.Sections.Skip(1).Select(s => s.Heading)),
            article.Summary,
            string.Join(' ', article.Sections.Select(s => s.Text)),
        ];
        return texts.Select(text => Count(EnglishAnalyzer.Terms(text, synonyms))).ToArray();
    }

    private static Dictionary<string, int> Count(List<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        return counts;
    }
}
