using System.Buffers;
using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Feedback;

namespace Helpdesk.Knowledge.Search;

/// <summary>
/// An immutable BM25F index over published articles. Build one with <see cref="ArticleIndexBuilder"/>;
/// a reload builds a new index and swaps the reference, so searches never lock and never see a
/// half-built index. Search is a pure function of the index, the query and the options.
/// </summary>
public sealed class ArticleIndex
{
    private const float TypoWeight = 0.8f;
    private const float UnknownTermShare = 0.5f;
    private const float IntentBoost = 0.6f;

    private readonly Dictionary<string, int> _termIds;
    private readonly string[] _terms;
    private readonly float[] _idf;
    private readonly Posting[][] _postings;
    private readonly TypoCandidates _typos;
    private readonly float _unknownTermIdf;

    internal ArticleIndex(IReadOnlyList<Article> articles, SynonymSet synonyms, string[] terms, Posting[][] postings)
    {
        Articles = articles;
        Synonyms = synonyms;
        _terms = terms;
        _postings = postings;
        _termIds = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++) _termIds[terms[i]] = i;
        _idf = postings.Select(p => Idf(p.Length, articles.Count)).ToArray();
        _unknownTermIdf = Idf(0, articles.Count);
        _typos = new TypoCandidates(terms);
    }

    /// <summary>The indexed (published) articles.</summary>
    public IReadOnlyList<Article> Articles { get; }

    public SynonymSet Synonyms { get; }

    public int TermCount => _terms.Length;

    public Article? Find(string id) => Articles.FirstOrDefault(a => a.Id == id);

    public SearchOutcome Search(string? query, SearchOptions? options = null)
    {
        options ??= new SearchOptions();
        var queryTerms = EnglishAnalyzer.Terms(query, Synonyms).Distinct(StringComparer.Ordinal).ToList();
        if (queryTerms.Count == 0 || Articles.Count == 0) return SearchOutcome.Nothing;

        var bm25 = ArrayPool<float>.Shared.Rent(Articles.Count);
        var covered = ArrayPool<float>.Shared.Rent(Articles.Count);
        Array.Clear(bm25, 0, Articles.Count);
        Array.Clear(covered, 0, Articles.Count);
        var queryIdf = 0f;
        foreach (var term in queryTerms)
        {
            var (termId, weight) = Resolve(term);
            if (termId < 0)
            {
                // A word no article uses counts against every article, but half as much as a known
                // word: customers add filler ("again", "issue") that says nothing about the answer.
                // A word inside a synonym phrase is represented by the phrase's token instead.
                if (!Synonyms.Contains(term)) queryIdf += UnknownTermShare * _unknownTermIdf;
                continue;
            }

            var idf = _idf[termId];
            queryIdf += idf;
            foreach (var posting in _postings[termId])
            {
                bm25[posting.Document] += weight * idf * posting.Frequency / (FieldWeights.K1 + posting.Frequency);
                covered[posting.Document] += weight * idf;
            }
        }

        var ranked = TopCandidates(bm25, covered, queryIdf, options);
        ArrayPool<float>.Shared.Return(bm25);
        ArrayPool<float>.Shared.Return(covered);

        var results = new List<SearchResult>();
        foreach (var (document, score, confidence) in ranked)
        {
            if (results.Count == options.Top || score < options.RelativeCutoff * ranked[0].Score) break;
            if (confidence < options.MinimumConfidence) continue;
            var article = Articles[document];
            var section = Snippets.BestSection(article, queryTerms.ToHashSet(StringComparer.Ordinal), _idf, _termIds);
            results.Add(new SearchResult(article, score, Math.Round(confidence, 4), Snippets.Highlight(section, queryTerms), section));
        }

        return new SearchOutcome(results);
    }

    // Keeps only the best few candidates in a bounded min-heap: sorting every matching article
    // would cost more than the scoring itself on a large knowledge base.
    private List<(int Document, double Score, double Confidence)> TopCandidates(float[] bm25, float[] covered, float queryIdf, SearchOptions options)
    {
        var capacity = Math.Max(16, options.Top * 4);
        var heap = new PriorityQueue<int, (double Score, int Negated)>(capacity + 1);
        for (var d = 0; d < Articles.Count; d++)
        {
            if (bm25[d] <= 0 || !IsVisible(Articles[d], options.Audience)) continue;
            var score = bm25[d] * IntentPrior(Articles[d], options) * HelpfulnessPrior.Multiplier(options.Feedback, Articles[d].Id, options.Intent);

            // Ties go to the lower document number, so results do not depend on heap order.
            var priority = (score, -d);
            if (heap.Count < capacity) heap.Enqueue(d, priority);
            else if (heap.TryPeek(out _, out var worst) && priority.CompareTo(worst) > 0) heap.DequeueEnqueue(d, priority);
        }

        var ranked = new List<(int Document, double Score, double Confidence)>(heap.Count);
        while (heap.TryDequeue(out var document, out var priority))
        {
            ranked.Add((document, priority.Score, Confidence(covered[document], queryIdf)));
        }

        ranked.Reverse();
        return ranked;
    }

    /// <summary>The ranked ids without cut-offs, for measuring recall.</summary>
    public IReadOnlyList<string> Rank(string query, string? intent, int top) =>
        Search(query, new SearchOptions { Top = top, Intent = intent, MinimumConfidence = 0, RelativeCutoff = 0, Audience = Audience.Agents })
            .Results.Select(r => r.Article.Id).ToList();

    private (int TermId, float Weight) Resolve(string term)
    {
        if (_termIds.TryGetValue(term, out var id)) return (id, 1f);

        // An unknown word is most likely a typo of the most common indexed word one edit away.
        var best = -1;
        foreach (var candidate in _typos.Near(term, _terms))
        {
            if (best < 0 || _postings[candidate].Length > _postings[best].Length) best = candidate;
        }

        return (best, TypoWeight);
    }

    /// <summary>
    /// How much of the query an article answers: the share of the query's weight (idf) its matches
    /// cover, scaled down when everything matched is a common word (a query of only "account" fits
    /// many articles and none of them surely).
    /// </summary>
    private double Confidence(float covered, float queryIdf)
    {
        var coverage = Math.Min(1, covered / queryIdf);
        var specificity = Math.Min(1, covered / (0.5 * _unknownTermIdf));
        return coverage * specificity;
    }

    private static bool IsVisible(Article article, Audience audience) =>
        audience == Audience.Agents || article.Audience == Audience.Customers;

    private static double IntentPrior(Article article, SearchOptions options) =>
        options.Intent is { } intent && article.Intents.Contains(intent, StringComparer.Ordinal)
            ? 1 + IntentBoost * Math.Clamp(options.IntentConfidence, 0, 1)
            : 1;

    private static float Idf(int documentFrequency, int documents) =>
        (float)Math.Log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/// <summary>A term's weight in one article: its field frequencies combined by BM25F's boosts and
/// length normalization, which do not depend on the query and so are computed once at build.</summary>
internal readonly record struct Posting(int Document, float Frequency);
