using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Feedback;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Tests.Search;

public sealed class ArticleIndexTests
{
    private static readonly Article[] Articles =
    [
        Make("duplicate-charge", "Charged twice for one order", "[billing_dispute]", "[double charge, billing]",
            "If you see two charges for the same order, one is usually a pending authorisation that drops off within 3 days.\n\n## When to contact support\n\nIf both charges are still there after 5 business days, send us the card statement lines."),
        Make("request-refund", "Request a refund", "[refund_request]", "[refund, money back]",
            "You can ask for your money back within 30 days of purchase. Refunds go to the original payment method.\n\n## Steps\n\nOpen Orders, choose the order and select Request refund."),
        Make("reset-password", "Reset your password", "[password_reset]", "[password, log in]",
            "Forgot your password? Request a reset link from the sign-in page; it is valid for 60 minutes.\n\n## If the email does not arrive\n\nCheck spam and wait five minutes before asking again."),
        Make("camera-offline", "Camera shows offline", "[technical_error]", "[camera, offline, wifi]",
            "A camera that shows offline has lost its Wi-Fi connection or power. Restart it and check the router.\n\n## Steps\n\nUnplug the camera for ten seconds, plug it back in and wait for the light to turn blue."),
        Make("agent-escalation", "Escalating a case", "[complaint]", "[escalation]",
            "Agents escalate a case to a supervisor when a customer asks for it twice or the SLA is at risk. Escalation keeps the case owner.", audience: "agents"),
        Make("draft-article", "Refund draft", "[refund_request]", "[refund]",
            "This draft about refunds is not finished and must not be suggested to customers yet, whatever they ask.", status: "draft"),
    ];

    private static readonly ArticleIndex Index = new ArticleIndexBuilder()
        .Add(Articles)
        .UseSynonyms(SynonymSet.Parse("log in, sign in, login\nmoney back, refund, reimbursement"))
        .Build();

    [Theory]
    [InlineData("I was charged twice", "duplicate-charge")]
    [InlineData("how do I get my money back", "request-refund")]
    [InlineData("forgot password", "reset-password")]
    [InlineData("my cam is offline again", "camera-offline")]
    public void Search_CustomerWords_FindTheRightArticleFirst(string query, string expected)
    {
        var outcome = Index.Search(query);

        Assert.Equal(expected, outcome.Results[0].Article.Id);
    }

    [Fact]
    public void Search_OneLetterTypoOnARareWord_StillFinds()
    {
        var outcome = Index.Search("pasword resett");

        Assert.Equal("reset-password", outcome.Results[0].Article.Id);
    }

    [Fact]
    public void Search_Synonym_FindsArticleWithTheOtherPhrase()
    {
        var outcome = Index.Search("reimbursement");

        Assert.Equal("request-refund", outcome.Results[0].Article.Id);
    }

    [Fact]
    public void Search_UnrelatedQuery_HasNoGoodAnswer()
    {
        var outcome = Index.Search("what's the weather in Lisbon tomorrow");

        Assert.True(outcome.NoGoodAnswer);
    }

    [Fact]
    public void Search_Defaults_SuggestAtMostTwo()
    {
        var outcome = Index.Search("refund for a double charge on my order", new SearchOptions { RelativeCutoff = 0 });

        Assert.InRange(outcome.Results.Count, 1, 2);
    }

    [Fact]
    public void Search_DraftsAndAgentArticles_AreHiddenFromCustomers()
    {
        var customer = Index.Search("refund draft escalate case supervisor", new SearchOptions { Top = 10, MinimumConfidence = 0, RelativeCutoff = 0 });
        var agent = Index.Search("escalate case supervisor", new SearchOptions { Audience = Audience.Agents });

        Assert.DoesNotContain(customer.Results, r => r.Article.Id is "draft-article" or "agent-escalation");
        Assert.Equal("agent-escalation", agent.Results[0].Article.Id);
    }

    [Fact]
    public void Search_IntentPrior_BreaksTiesTowardsThePredictedIntent()
    {
        var options = new SearchOptions { Top = 2, MinimumConfidence = 0, RelativeCutoff = 0 };

        var withoutIntent = Index.Search("charge refund", options);
        var withIntent = Index.Search("charge refund", options with { Intent = "refund_request" });

        Assert.Equal("request-refund", withIntent.Results[0].Article.Id);
        Assert.True(withIntent.Results[0].Score > withoutIntent.Results.Single(r => r.Article.Id == "request-refund").Score);
    }

    [Fact]
    public void Search_HelpfulVotes_RaiseAnArticleAndUnhelpfulOnesSinkIt()
    {
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var votes = Enumerable.Range(0, 30).Select(_ => new ArticleEvent("duplicate-charge", null, ArticleEventKind.NotHelpful, at))
            .Concat(Enumerable.Range(0, 30).Select(_ => new ArticleEvent("request-refund", null, ArticleEventKind.Helpful, at)));
        var options = new SearchOptions { Top = 2, MinimumConfidence = 0, RelativeCutoff = 0 };

        var before = Index.Search("charge refund money", options);
        var after = Index.Search("charge refund money", options with { Feedback = FeedbackSnapshot.From(votes) });

        Assert.True(after.Results.Single(r => r.Article.Id == "request-refund").Score > before.Results.Single(r => r.Article.Id == "request-refund").Score);
        Assert.True(after.Results.Single(r => r.Article.Id == "duplicate-charge").Score < before.Results.Single(r => r.Article.Id == "duplicate-charge").Score);
    }

    [Fact]
    public void Search_Result_CarriesBestSectionAndHighlightedSnippet()
    {
        var result = Index.Search("reset email landed in the spam folder").Results[0];

        Assert.Equal("if-the-email-does-not-arrive", result.Section.Anchor);
        Assert.Contains("**", result.Snippet, StringComparison.Ordinal);
        Assert.InRange(result.Confidence, 0.3, 1.0);
    }

    [Fact]
    public void Search_EmptyQuery_HasNoGoodAnswer()
    {
        Assert.True(Index.Search("   ").NoGoodAnswer);
        Assert.True(Index.Search("the and of").NoGoodAnswer);
    }

    private static Article Make(string id, string title, string intents, string tags, string body, string audience = "customers", string status = "published")
    {
        var text = new ArticleText { Id = id, Title = title, Intents = intents, Tags = tags, Body = body, Audience = audience, Status = status };
        return ArticleParser.Parse($"{id}.md", $"{id}.md", text.ToString()).Article!;
    }
}
