using System.Net;

namespace Helpdesk.Bot.Tests.Knowledge;

public sealed class ArticlePageTests
{
    private const string Article = """
        ---
        id: camera-offline
        title: Camera <b>offline</b> & what to do
        intents: [technical_error]
        owner: devices-team
        reviewed: 2026-10-01
        ---
        A camera that shows offline has lost Wi-Fi or power. <script>alert('x')</script>

        ## Steps

        1. Unplug it for ten seconds. [Do not click](javascript:alert(1))
        2. See [the status page](https://status.northbeam.example).
        """;

    private const string AgentArticle = """
        ---
        id: escalation-guide
        title: Escalation guide
        audience: agents
        owner: support-leads
        reviewed: 2026-10-01
        ---
        Escalate to a supervisor when the customer asks twice or the SLA is at risk of breach within the hour.
        """;

    [Fact]
    public async Task ArticlePage_RendersSafelyWithAnchorsAndPolicy()
    {
        using var factory = new BotFactory();
        await File.WriteAllTextAsync(Path.Combine(factory.ArticlesDirectory, "camera-offline.md"), Article, TestContext.Current.CancellationToken);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/kb/camera-offline", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Camera &lt;b&gt;offline&lt;/b&gt; &amp; what to do</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"steps\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-article")]
    [InlineData("escalation-guide")]
    public async Task ArticlePage_UnknownOrAgentOnly_IsNotFound(string id)
    {
        using var factory = new BotFactory();
        await File.WriteAllTextAsync(Path.Combine(factory.ArticlesDirectory, "escalation-guide.md"), AgentArticle, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(factory.ArticlesDirectory, "camera-offline.md"), Article, TestContext.Current.CancellationToken);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/kb/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
