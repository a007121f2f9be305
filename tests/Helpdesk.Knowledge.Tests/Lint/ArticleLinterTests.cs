using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Lint;

namespace Helpdesk.Knowledge.Tests.Lint;

public sealed class ArticleLinterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly HashSet<string> Intents = ["how_to", "refund_request"];

    [Fact]
    public void Lint_CleanArticles_FindsNothing()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Id = "one", Related = "[two]", Body = ArticleText.DefaultBodyWithLink("two.md#steps") }.WriteTo(folder.FullPath);
        new ArticleText { Id = "two" }.WriteTo(folder.FullPath);

        var findings = Lint(folder);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("duplicate id 'twin'")]
    public void Lint_DuplicateIds_AreErrors(string message)
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Id = "twin" }.WriteTo(folder.FullPath, "a/twin.md");
        new ArticleText { Id = "twin" }.WriteTo(folder.FullPath, "b/twin.md");

        var finding = Assert.Single(Lint(folder), f => f.Severity == ProblemSeverity.Error);

        Assert.Contains(message, finding.Message);
    }

    [Fact]
    public void Lint_UnknownIntent_IsAnError()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Intents = "[how_to, teleport]" }.WriteTo(folder.FullPath);

        var finding = Assert.Single(Lint(folder));

        Assert.Equal(ProblemSeverity.Error, finding.Severity);
        Assert.Contains("unknown intent 'teleport'", finding.Message);
    }

    [Theory]
    [InlineData("missing.md", "there is no article at missing.md")]
    [InlineData("sample-article.md#no-such-heading", "no heading with anchor '#no-such-heading'")]
    [InlineData("#nowhere", "no heading with anchor '#nowhere'")]
    [InlineData("javascript:alert(1)", "scheme that is not allowed")]
    public void Lint_BadLinks_AreErrorsOnTheirLine(string target, string message)
    {
        using var folder = new TemporaryDirectory();
        var path = new ArticleText { Body = ArticleText.DefaultBodyWithLink(target) }.WriteTo(folder.FullPath);

        var finding = Assert.Single(Lint(folder));

        Assert.Contains(message, finding.Message);
        Assert.Equal(File.ReadAllLines(path).ToList().FindIndex(l => l.Contains("see also", StringComparison.Ordinal)) + 1, finding.Line);
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData("Too short to help anyone.", "very short")]
    public void Lint_EmptyOrShortBody_IsAnError(string body, string message)
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Body = body }.WriteTo(folder.FullPath);

        Assert.Contains(message, Assert.Single(Lint(folder)).Message);
    }

    [Fact]
    public void Lint_MissingOwner_IsAnError()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Owner = null }.WriteTo(folder.FullPath);

        Assert.Contains("no 'owner'", Assert.Single(Lint(folder)).Message);
    }

    [Fact]
    public void Lint_MissingRelated_IsAnError()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Related = "[ghost]" }.WriteTo(folder.FullPath);

        Assert.Contains("related article 'ghost'", Assert.Single(Lint(folder)).Message);
    }

    [Theory]
    [InlineData("2026-04-01", ProblemSeverity.Warning)]
    [InlineData("2025-09-01", ProblemSeverity.Error)]
    public void Lint_OverdueReview_WarnsThenFails(string reviewed, ProblemSeverity severity)
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Reviewed = reviewed }.WriteTo(folder.FullPath);

        var finding = Assert.Single(Lint(folder));

        Assert.Equal(severity, finding.Severity);
        Assert.Contains("review overdue", finding.Message);
    }

    [Fact]
    public void Lint_BrokenFrontMatter_IsReportedWithFileAndLine()
    {
        using var folder = new TemporaryDirectory();
        var path = Path.Combine(folder.FullPath, "broken.md");
        File.WriteAllText(path, "---\nid: broken\ntitle: [oops\n---\nbody\n");

        var finding = Assert.Single(Lint(folder));

        Assert.Equal(path, finding.File);
        Assert.True(finding.Line >= 3);
    }

    private static IReadOnlyList<ArticleProblem> Lint(TemporaryDirectory folder) =>
        ArticleLinter.Lint(ArticleFolder.Read(folder.FullPath), Intents, Today);
}
