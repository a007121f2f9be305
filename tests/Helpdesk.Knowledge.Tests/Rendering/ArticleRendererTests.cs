using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Rendering;

namespace Helpdesk.Knowledge.Tests.Rendering;

public sealed class ArticleRendererTests
{
    private static readonly ArticleRenderer Renderer = ArticleRenderer.ForBasePath("/kb");

    private const string Hostile = """
        Hello <script>alert('x')</script> there <img src=x onerror=alert(1)>.

        <div onclick="steal()">raw block</div>

        [click me](javascript:alert(1)) and [data](data:text/html,<script>alert(1)</script>) and <javascript:alert(2)>
        and [spaced](java	script:alert(3)) and ![pic](javascript:alert(4))

        ## Next steps

        See [refunds](../billing/refunds.md#how-long) or [mail us](mailto:support@northbeam.example) or [status](https://status.northbeam.example).
        """;

    [Fact]
    public void ToHtml_HostileMarkdown_RendersInert()
    {
        var html = Renderer.ToHtml(Parse(Hostile));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html.Replace("&lt;javascript:alert(2)&gt;", "", StringComparison.Ordinal).Replace("javascript:alert(2)", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=", html.Replace("&lt;img src=x onerror=alert(1)&gt;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SafeLinks_SurviveAndRelativeOnesPointToTheHost()
    {
        var html = Renderer.ToHtml(Parse(Hostile));

        Assert.Contains("href=\"/kb/refunds#how-long\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:support@northbeam.example\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://status.northbeam.example\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"next-steps\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToChatMarkdown_HostileMarkdown_HasNoActiveLinksOrTags()
    {
        var markdown = Renderer.ToChatMarkdown(Parse(Hostile));

        Assert.DoesNotContain("](javascript", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("](data:", markdown, StringComparison.OrdinalIgnoreCase);
        // Angle brackets from the article stay literal text: every one is escaped.
        Assert.DoesNotMatch(@"(?<!\\)<", markdown);
        Assert.Contains("**Next steps**", markdown, StringComparison.Ordinal);
        Assert.Contains("[refunds](/kb/refunds#how-long)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToChatMarkdown_ListsAndEmphasis_StayReadable()
    {
        var article = Parse("Do this:\n\n1. Open **Settings**\n2. Tap _Save_\n\n- one\n- two\n");

        var markdown = Renderer.ToChatMarkdown(article);

        Assert.Equal("Do this:\n\n1. Open **Settings**\n2. Tap _Save_\n\n- one\n- two", markdown);
    }

    private static Article Parse(string body)
    {
        var (article, problems) = ArticleParser.Parse("help/sample-article.md", "sample.md", new ArticleText { Body = body }.ToString());
        Assert.Empty(problems);
        return article!;
    }
}
