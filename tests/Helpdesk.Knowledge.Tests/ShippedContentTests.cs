using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Evaluation;
using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Lint;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Tests;

/// <summary>The shipped articles and queries, checked as CI checks every content change.</summary>
public sealed class ShippedContentTests
{
    private static readonly string Articles = RepositoryFiles.Path("knowledge", "articles");

    [Fact]
    public void Lint_ShippedArticles_HasNoErrors()
    {
        var files = ArticleFolder.Read(Articles);
        var intents = IntentList.Load(RepositoryFiles.Path("classifier", "data", "train.csv"));

        // Review dates age; lint them against the day the content was last reviewed as a whole,
        // so the suite does not start failing on a calendar date. The CLI lints against today.
        var findings = ArticleLinter.Lint(files, intents, new DateOnly(2026, 11, 23));

        Assert.True(files.Count >= 30, $"expected at least 30 articles, found {files.Count}");
        Assert.Empty(findings.Where(f => f.Severity == ProblemSeverity.Error).Select(f => f.ToString()));
    }

    [Fact]
    public void Articles_CoverEveryIntentThatNeedsOne()
    {
        var intents = IntentList.Load(RepositoryFiles.Path("classifier", "data", "train.csv"));
        var covered = ArticleFolder.Read(Articles).Where(f => f.Article is not null).SelectMany(f => f.Article!.Intents).ToHashSet();

        var missing = intents.Where(i => !IntentList.NeedsNoArticle(i) && !covered.Contains(i));

        Assert.Empty(missing);
    }

    [Fact]
    public void Evaluate_ShippedQueries_MeetsTheQualityBar()
    {
        var index = new ArticleIndexBuilder()
            .Add(ArticleFolder.Read(Articles).Where(f => f.Article is not null).Select(f => f.Article!))
            .UseSynonyms(SynonymSet.Load(RepositoryFiles.Path("knowledge", "synonyms.txt")))
            .Build();
        var queries = SearchEvaluator.LoadQueries(RepositoryFiles.Path("knowledge", "eval", "queries.csv"));

        var report = SearchEvaluator.Evaluate(index, queries);

        Assert.True(queries.Count >= 120, $"expected at least 120 queries, found {queries.Count}");
        Assert.True(report.RecallAt3 >= 0.90, $"Recall@3 {report.RecallAt3:F3}");
        Assert.True(report.Mrr >= 0.75, $"MRR {report.Mrr:F3}");
    }
}
