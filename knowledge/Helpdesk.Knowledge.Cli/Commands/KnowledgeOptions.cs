using System.CommandLine;
using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Cli.Commands;

/// <summary>Options and loading shared by the commands.</summary>
internal static class KnowledgeOptions
{
    public static Option<string> Articles() => new("--articles")
    {
        Description = "The articles folder.",
        DefaultValueFactory = _ => Path.Combine("knowledge", "articles"),
    };

    public static Option<string?> Synonyms() => new("--synonyms")
    {
        Description = "The synonyms file (default: synonyms.txt beside the articles folder).",
    };

    public static ArticleIndex BuildIndex(string articles, string? synonyms)
    {
        var files = ArticleFolder.Read(articles);
        foreach (var problem in files.SelectMany(f => f.Problems))
        {
            Console.Error.WriteLine(problem);
        }

        return new ArticleIndexBuilder()
            .Add(files.Where(f => f.Article is not null).Select(f => f.Article!))
            .UseSynonyms(SynonymSet.Load(synonyms ?? Path.Combine(articles, "..", "synonyms.txt")))
            .Build();
    }

    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or CsvHelper.CsvHelperException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
