using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Knowledge.Feedback;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Knowledge;

public sealed partial class ArticleFeedbackTests
{
    private const string Article = """
        ---
        id: reset-password
        title: Reset your password
        intents: [password_reset]
        owner: identity-team
        reviewed: 2026-10-01
        ---
        Forgot your password? Request a reset link from the sign-in page; it stays valid for sixty minutes, and the new password works at once.
        """;

    [Fact]
    public async Task Vote_FromTheArticlePage_IsStoredWithTheOpen()
    {
        using var factory = new BotFactory();
        await File.WriteAllTextAsync(Path.Combine(factory.ArticlesDirectory, "reset-password.md"), Article, TestContext.Current.CancellationToken);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync(new Uri("/kb/reset-password", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = TokenField().Match(page);

        using var vote = await client.PostAsync(new Uri("/kb/reset-password/feedback", UriKind.Relative), new FormUrlEncodedContent(
            [new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value)), new("helpful", "yes")]), TestContext.Current.CancellationToken);
        var snapshot = await factory.Services.GetRequiredService<IArticleFeedbackStore>().SnapshotAsync(TestContext.Current.CancellationToken);

        Assert.True(token.Success);
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        Assert.Equal("/kb/reset-password?voted=true", vote.Headers.Location?.ToString());
        Assert.Equal(new ArticleFeedback(Impressions: 0, Opens: 1, Helpful: 1, NotHelpful: 0), snapshot.ByArticle["reset-password"]);
    }

    [Fact]
    public async Task Vote_WithoutTheFormToken_IsRejected()
    {
        using var factory = new BotFactory();
        await File.WriteAllTextAsync(Path.Combine(factory.ArticlesDirectory, "reset-password.md"), Article, TestContext.Current.CancellationToken);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var vote = await client.PostAsync(new Uri("/kb/reset-password/feedback", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "no")]), TestContext.Current.CancellationToken);
        var snapshot = await factory.Services.GetRequiredService<IArticleFeedbackStore>().SnapshotAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, vote.StatusCode);
        Assert.False(snapshot.ByArticle.ContainsKey("reset-password"));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex TokenField();
}
