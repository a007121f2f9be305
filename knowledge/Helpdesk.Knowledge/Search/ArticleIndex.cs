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

    /// <summary>The score, in rare-word units, at which a match counts as an even bet. Chosen on
    /// the shipped evaluation queries and the unanswerable ones beside them (docs/performance.md).</summary>
    private const double ConfidenceHalfPoint = 0.75;
    private const float IntentBoost = 0.6f;

    private readonly Dictionary<string, int> _termIds;
    private readonly string[] _terms;
    private readonly float[] _idf;
    private readonly Posting[][] _postings;
    private readonly TypoCandidates _typos;
    private readonly float _rareTermIdf;

    internal ArticleIndex(IReadOnlyList<Article> articles, SynonymSet synonyms, string[] terms, Posting[][] postings)
    {
        Articles = articles;
        Synonyms = synonyms;
        _terms = terms;
        _postings = postings;
        _termIds = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++) _termIds[terms[i]] = i;
        _idf = postings.Select(p => Idf(p.Length, articles.Count)).ToArray();
        _typos = new TypoCandidates(terms);
        _rareTermIdf = Idf(1, Math.Max(articles.Count, 2));
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
        Array.Clear(bm25, 0, Articles.Count);
        foreach (var term in queryTerms)
        {
            var (termId, weight) = Resolve(term);
            if (termId < 0) continue;

            var idf = _idf[termId];
            foreach (var posting in _postings[termId])
            {
                bm25[posting.Document] += weight * idf * posting.Frequency / (FieldWeights.K1 + posting.Frequency);
            }
        }

        var ranked = TopCandidates(bm25, options);
        ArrayPool<float>.Shared.Return(bm25);

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
    private List<(int Document, double Score, double Confidence)> TopCandidates(float[] bm25, SearchOptions options)
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
            ranked.Add((document, priority.Score, Confidence(bm25[document])));
        }

        ranked.Reverse();
        return ranked;
    }

    /// <summary>The ranked ids of the articles customers may see, without cut-offs, for measuring recall.</summary>
    public IReadOnlyList<string> Rank(string query, string? intent, int top) =>
        Search(query, new SearchOptions { Top = top, Intent = intent, MinimumConfidence = 0, RelativeCutoff = 0 })
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
    /// How sure the match is, from the article's BM25F score before any prior, measured in units of
    /// the idf of a word only one article uses (so the scale does not depend on how many articles
    /// there are): 0.5 at <see cref="ConfidenceHalfPoint"/>, approaching 1 as more and rarer query
    /// words match in the title, tags and headings. Priors reorder articles but never make a weak
    /// match look sure.
    /// </summary>
    private double Confidence(float bm25)
    {
        var rareWordMatches = bm25 / _rareTermIdf;
        return rareWordMatches / (rareWordMatches + ConfidenceHalfPoint);
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
