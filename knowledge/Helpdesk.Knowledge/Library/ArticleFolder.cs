using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Library;

/// <summary>Reads every *.md file under an articles folder.</summary>
public static class ArticleFolder
{
    public static IReadOnlyList<ArticleFile> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The articles folder '{directory}' does not exist.");
        }

        return Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => ReadFile(directory, path))
            .ToList();
    }

    private static ArticleFile ReadFile(string directory, string path)
    {
        var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            return new ArticleFile(relative, path, null, [ArticleProblem.Error(path, 0, $"cannot read the file: {e.Message}")]);
        }

        var (article, problems) = ArticleParser.Parse(relative, path, content);
        return new ArticleFile(relative, path, article, problems);
    }
}
