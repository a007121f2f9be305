using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Search;

/// <summary>One suggested article.</summary>
/// <param name="Score">The final ranking score (BM25F with the intent and helpfulness priors).</param>
/// <param name="Confidence">How well the article covers the query, in [0, 1].</param>
/// <param name="Snippet">A passage of the best section with query words in **bold** (markdown).</param>
/// <param name="Section">The best matching section; its anchor deep-links to it.</param>
public sealed record SearchResult(Article Article, double Score, double Confidence, string Snippet, ArticleSection Section);
