using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Tests.Articles;

public sealed class ArticleParserTests
{
    [Fact]
    public void Parse_ValidArticle_ReadsFrontMatterSectionsAndLinks()
    {
        var text = new ArticleText { Body = "Intro paragraph about refunds.\n\n## Before you start\n\nSee [the policy](../billing/policy.md#limits).\n" };

        var (article, problems) = ArticleParser.Parse("billing/sample-article.md", "sample.md", text.ToString());

        Assert.Empty(problems);
        Assert.NotNull(article);
        Assert.Equal("sample-article", article.Id);
        Assert.Equal(["how_to"], article.Intents);
        Assert.Equal(new DateOnly(2026, 10, 1), article.Reviewed);
        Assert.Equal("Intro paragraph about refunds.", article.Summary);
        Assert.Equal(["A sample article", "Before you start"], article.Sections.Select(s => s.Heading));
        Assert.Equal("before-you-start", article.Sections[1].Anchor);
        var link = Assert.Single(article.Links);
        Assert.Equal("../billing/policy.md#limits", link.Url);
        Assert.Equal(text.ToString().Split('\n').ToList().FindIndex(l => l.Contains("the policy", StringComparison.Ordinal)) + 1, link.Line);
    }

    [Fact]
    public void Parse_NoFrontMatter_IsAnErrorOnLineOne()
    {
        var (article, problems) = ArticleParser.Parse("a.md", "a.md", "# Just markdown\n\nNo front matter here.");

        Assert.Null(article);
        Assert.Equal(1, Assert.Single(problems).Line);
    }

    [Fact]
    public void Parse_UnclosedFrontMatter_IsAnError()
    {
        var (article, problems) = ArticleParser.Parse("a.md", "a.md", "---\nid: a\ntitle: A\n");

        Assert.Null(article);
        Assert.Contains("not closed", Assert.Single(problems).Message);
    }

    [Fact]
    public void Parse_BrokenYaml_NamesTheLine()
    {
        var (article, problems) = ArticleParser.Parse("a.md", "a.md", "---\nid: a\ntitle: [unclosed\nowner: x\n---\nbody\n");

        Assert.Null(article);
        Assert.InRange(Assert.Single(problems).Line, 3, 5);
    }

    [Fact]
    public void Parse_UnknownKey_IsAnErrorOnItsLine()
    {
        var (article, problems) = ArticleParser.Parse("a.md", "a.md", "---\nid: a\ntitle: A\nintent: [refund_request]\n---\nbody\n");

        Assert.Null(article);
        var problem = Assert.Single(problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("intent", problem.Message);
    }

    [Theory]
    [InlineData("status: live", "'status' must be one of")]
    [InlineData("audience: everyone", "'audience' must be one of")]
    [InlineData("reviewed: last week", "'reviewed' must be a date")]
    public void Parse_BadValues_AreErrors(string line, string message)
    {
        var (article, problems) = ArticleParser.Parse("a.md", "a.md", $"---\nid: a\ntitle: A\n{line}\n---\nbody\n");

        Assert.Null(article);
        Assert.Contains(message, Assert.Single(problems).Message);
    }

    [Fact]
    public void Parse_MissingIdAndTitle_AreErrors()
    {
        var (article, problems) = ArticleParser.Parse("a.md", "a.md", "---\nowner: x\n---\nbody\n");

        Assert.Null(article);
        Assert.Equal(2, problems.Count);
    }
}
