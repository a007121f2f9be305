namespace Helpdesk.Bot.Knowledge;

/// <summary>The "Knowledge" configuration section.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The articles folder, relative to the content root. The default is the repository's
    /// folder when the host runs from source; a published host falls back to its own copy.</summary>
    public string ArticlesPath { get; set; } = "../../knowledge/articles";

    /// <summary>The synonyms file content owners edit, relative to the content root.</summary>
    public string SynonymsPath { get; set; } = "../../knowledge/synonyms.txt";

    internal (string Articles, string Synonyms) Resolve(string contentRoot)
    {
        var articles = Path.GetFullPath(Path.Combine(contentRoot, ArticlesPath));
        var synonyms = Path.GetFullPath(Path.Combine(contentRoot, SynonymsPath));
        if (Directory.Exists(articles)) return (articles, synonyms);

        var shipped = Path.Combine(AppContext.BaseDirectory, "data", "knowledge");
        return (Path.Combine(shipped, "articles"), Path.Combine(shipped, "synonyms.txt"));
    }
}
