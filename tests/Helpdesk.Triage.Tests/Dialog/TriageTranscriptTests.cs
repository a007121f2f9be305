using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>Whole conversations through the real turn pipeline, asserting what the customer sees and what is stored.</summary>
public sealed class TriageTranscriptTests
{
    private const string ChargedTwice = "I was charged twice for my subscription this month";
    private static readonly TriagePrompts Prompts = TriageTestClient.Prompts;

    private static ScriptedClassifier Classifier() => new ScriptedClassifier()
        .Knows(ChargedTwice, "billing_dispute", 0.93, ("refund_request", 0.04))
        .Knows("where is my parcel", "order_status", 0.9)
        .Knows("hello", "greeting", 0.95)
        .Unsure("money thing", ("refund_request", 0.41), ("billing_dispute", 0.33), ("invoice_request", 0.1));

    private static ScriptedArticles Articles() => new ScriptedArticles()
        .For("billing_dispute", new ArticleSuggestion("charged-twice", "Charged twice this month?", "Why a second charge appears and how it is reversed."))
        .For("refund_request", new ArticleSuggestion("refunds", "Refunds", "When and how refunds arrive."));

    [Fact]
    public async Task HappyPath_ArticleDidNotHelp_CollectsTheFactsAndCreatesTheCase()
    {
        using var client = new TriageTestClient(Classifier(), Articles());

        var greeting = await client.JoinAsync();
        Assert.Contains("**agent**", greeting.Text(), StringComparison.Ordinal);

        var articles = await client.SendAsync(ChargedTwice);
        var card = Assert.Single(articles.SelectMany(a => a.Attachments ?? []));
        Assert.Equal("application/vnd.microsoft.card.hero", card.ContentType);
        Assert.Contains("/kb/charged-twice", card.Content!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal([Prompts.Solved, Prompts.NotSolved], articles.Choices());

        Assert.Contains(Prompts.AskAccountId, (await client.SendAsync(Prompts.NotSolved)).Text(), StringComparison.Ordinal);
        Assert.Equal(["Critical", "High", "Medium", "Low"], (await client.SendAsync("ACC-20931")).Choices());
        Assert.Equal(["Chat now", "Email", "Phone"], (await client.SendAsync("High")).Choices());
        Assert.Contains(Prompts.AskEmail, (await client.SendAsync("Email")).Text(), StringComparison.Ordinal);

        var summary = await client.SendAsync("jo@example.com");
        var summaryCard = Assert.Single(summary.SelectMany(a => a.Attachments ?? []));
        Assert.Equal("application/vnd.microsoft.card.adaptive", summaryCard.ContentType);
        Assert.Contains("ACC-20931", summaryCard.Content!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\"version\":\"1.5\"", summaryCard.Content!.Value.GetRawText(), StringComparison.Ordinal);

        var done = await client.SendAsync(Prompts.SendIt);
        Assert.Equal("HD-000001", done.Reference());
        Assert.Contains("within 1 hour", done.Text(), StringComparison.Ordinal);
        Assert.Contains("by email to jo@example.com", done.Text(), StringComparison.Ordinal);

        var stored = await client.CaseAsync("HD-000001");
        Assert.NotNull(stored);
        Assert.Equal(client.ConversationId, stored.ConversationId);
        Assert.Equal(ChargedTwice, stored.Details.Problem);
        Assert.Equal("billing_dispute", stored.Details.Intent!.Label);
        Assert.Equal(0.93, stored.Details.Intent.Confidence);
        Assert.Contains(stored.Details.Intent.Alternatives, a => a.Label == "refund_request");
        Assert.Equal("ACC-20931", stored.Details.Facts.AccountId);
        Assert.Equal(Urgency.High, stored.Details.Urgency);
        Assert.Equal(CallbackChannel.Email, stored.Details.Facts.Callback);
        Assert.Equal([new ArticleOffer("charged-twice", "Charged twice this month?", Solved: false)], stored.Details.Articles);
        Assert.Equal(HandoffReason.NotSolved, stored.Details.Reason);
        Assert.Equal("directline", stored.Details.ChannelId);
        Assert.Contains(stored.Transcript, e => e.Role == "user" && e.Text == ChargedTwice);
        Assert.Contains(stored.Transcript, e => e.Role == "bot" && e.Text.Contains("HD-000001", StringComparison.Ordinal));
        Assert.DoesNotContain(stored.Transcript, e => e.Text.Contains("{reference}", StringComparison.Ordinal));

        var state = await client.StateAsync();
        Assert.Equal(ConversationOutcome.HandedOff, state.Outcome);
        Assert.Equal("HD-000001", state.CaseReference);

        var plan = stored.Plan!;
        Assert.Equal(("billing", "queued"), (plan.QueueId, stored.Status));
        Assert.Equal("Ana Ruiz", plan.Customer!.Name);
        Assert.Equal(Urgency.High, plan.Priority.Level);
        Assert.Contains(plan.Priority.Reasons, r => r.Factor == "customer tier" && r.Points > 0);
        Assert.Equal(stored.CreatedAt.AddHours(1), plan.FirstResponseDue);
        Assert.Equal(stored.CreatedAt.AddHours(8), plan.ResolveDue);
        Assert.Null(plan.ExpectedWait);
    }

    [Fact]
    public async Task ACriticalCase_IsEscalated_AndTheCustomerIsPromisedAnImmediateResponse()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();

        var done = await client.SendAsync("agent");
        foreach (var text in new[] { "ACC-12345", "Chat now" }) done = await client.SendAsync(text);
        var reference = done.Reference();
        Assert.NotNull(reference);
        var stored = await client.CaseAsync(reference);
        Assert.Equal("general", stored!.Plan!.QueueId);

        using var urgent = new TriageTestClient(Classifier().Knows("our whole site is down, critical", "outage_performance", 0.95), Articles(), conversationId: "conv-9");
        await urgent.JoinAsync();
        await urgent.SendAsync("our whole site is down, critical");
        foreach (var text in new[] { "ACC-20931", "Chat now", "Send it" }) done = await urgent.SendAsync(text);
        var critical = await urgent.CaseAsync(done.Reference()!);

        Assert.Equal(("technical", Urgency.Critical), (critical!.Plan!.QueueId, critical.Plan.Priority.Level));
        Assert.Contains("critical priority", critical.Plan.Escalation);
        Assert.Contains("right away (critical urgency)", done.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticleSolvesIt_EndsResolvedBySelfService_WithoutACase()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);

        var reply = await client.SendAsync("yes, that fixed it");

        Assert.Equal(Prompts.SolvedReply, reply.Text());
        var state = await client.StateAsync();
        Assert.Equal(ConversationOutcome.ResolvedByArticle, state.Outcome);
        Assert.True(state.Articles.Single().Solved);
        Assert.Equal(["1", "2", "3", "4", "5"], reply.Choices());
        Assert.Null(await client.CaseAsync("HD-000001"));
    }

    [Fact]
    public async Task SelfServiceHelp_IsRatedOnce_AndAnythingElseIsANewRequest()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);
        await client.SendAsync("yes");

        var thanks = await client.SendAsync("4");

        Assert.Equal(Prompts.ThanksForRating, thanks.Text());
        Assert.Equal(4, (await client.StateAsync()).BotRating);
        var records = await client.Store.ConversationRecordsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, Assert.Single(records).BotRating);

        var next = await client.SendAsync("5");
        Assert.NotEqual(Prompts.ThanksForRating, next.Text());
        Assert.Equal(4, (await client.StateAsync()).BotRating);
    }

    [Fact]
    public async Task EverythingSaidUpFront_IsNeverAskedAgain()
    {
        using var client = new TriageTestClient(Classifier().Knows(
            "I was charged twice, ACC-12345, it's urgent, email me at ana@example.com", "billing_dispute", 0.9), Articles());
        await client.JoinAsync();
        await client.SendAsync("I was charged twice, ACC-12345, it's urgent, email me at ana@example.com");

        var summary = await client.SendAsync("no");

        Assert.Equal([Prompts.SendIt, Prompts.StartOver], summary.Choices());
        var facts = (await client.StateAsync()).Facts;
        Assert.Equal(("ACC-12345", Urgency.Critical, CallbackChannel.Email, "ana@example.com"), (facts.AccountId, facts.Urgency, facts.Callback, facts.Email));
        Assert.Equal("HD-000001", (await client.SendAsync("Send it")).Reference());
    }

    [Fact]
    public async Task LowConfidence_AsksDidYouMean_AndThePickIsConfirmed()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();

        var question = await client.SendAsync("money thing");

        Assert.Contains(Prompts.DidYouMean, question.Text(), StringComparison.Ordinal);
        Assert.Equal([Prompts.IntentName("refund_request"), Prompts.IntentName("billing_dispute"), Prompts.SomethingElse], question.Choices());

        var articles = await client.SendAsync(Prompts.IntentName("billing_dispute"));

        Assert.Contains(articles, a => a.Attachments?.Count == 1);
        var intent = (await client.StateAsync()).Intent!;
        Assert.Equal(("billing_dispute", 0.33, true), (intent.Label, intent.Confidence, intent.Confirmed));
    }

    [Fact]
    public async Task OutOfScopeTwice_OffersAPerson_AndAThirdTimeHandsOver()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();

        Assert.Contains(Prompts.OutOfScope, (await client.SendAsync("what's the weather in Lisbon")).Text(), StringComparison.Ordinal);
        var offer = await client.SendAsync("tell me a joke");
        Assert.Contains(Prompts.OfferPerson, offer.Text(), StringComparison.Ordinal);
        Assert.Equal([Prompts.TalkToPerson, Prompts.TryAgain], offer.Choices());

        var handedOver = await client.SendAsync("recipe for pancakes");
        Assert.Contains(Prompts.Escalating, handedOver.Text(), StringComparison.Ordinal);
        Assert.Equal(HandoffReason.NotUnderstood, (await client.StateAsync()).Handoff);
    }

    [Fact]
    public async Task TalkToAPersonAfterTwoFailures_RecordsNotUnderstood()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync("blah");
        await client.SendAsync("blah blah");

        await client.SendAsync(Prompts.TalkToPerson);

        Assert.Equal(HandoffReason.NotUnderstood, (await client.StateAsync()).Handoff);
    }

    [Fact]
    public async Task Frustration_GoesStraightToAPerson_WithTheSignalRecorded()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);

        var reply = await client.SendAsync("THIS IS USELESS, I WANT MY MONEY BACK NOW");

        Assert.Contains(Prompts.Frustrated, reply.Text(), StringComparison.Ordinal);
        var stored = await client.CaseAsync(reply.Reference()!);
        Assert.Equal(HandoffReason.Frustrated, stored!.Details.Reason);
        Assert.Contains(FrustrationDetector.Shouting, stored.Details.Signals);
        Assert.Contains(FrustrationDetector.BotIsUseless, stored.Details.Signals);
    }

    [Fact]
    public async Task Correction_AtTheSummary_ReplacesTheAccountId()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        foreach (var text in new[] { ChargedTwice, "no", "ACC-11111", "Low", "Chat now" }) await client.SendAsync(text);

        var updated = await client.SendAsync("actually it's ACC-20931");

        Assert.Contains(Prompts.SummaryUpdated, updated.Text(), StringComparison.Ordinal);
        Assert.Contains("ACC-20931", updated.SelectMany(a => a.Attachments ?? []).Single().Content!.Value.GetRawText(), StringComparison.Ordinal);
        var stored = await client.CaseAsync((await client.SendAsync("Send it")).Reference()!);
        Assert.Equal("ACC-20931", stored!.Details.Facts.AccountId);
    }

    [Fact]
    public async Task InvalidAccountIdThreeTimes_FallsBackToEmail()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);
        await client.SendAsync("no");

        Assert.Contains(Prompts.InvalidAccountId, (await client.SendAsync("12345")).Text(), StringComparison.Ordinal);
        Assert.Contains(Prompts.InvalidAccountId, (await client.SendAsync("AC-1234")).Text(), StringComparison.Ordinal);
        var fallback = await client.SendAsync("ACCOUNT 99");

        Assert.Contains(Prompts.AccountIdFallback, fallback.Text(), StringComparison.Ordinal);
        Assert.Contains(Prompts.AskEmail, fallback.Text(), StringComparison.Ordinal);
        Assert.True((await client.StateAsync()).Facts.NoAccountId);
    }

    [Fact]
    public async Task IDontHaveIt_AsksForEmailInstead()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);
        await client.SendAsync("no");

        var reply = await client.SendAsync(Prompts.NoAccountId);

        Assert.Contains(Prompts.AskEmail, reply.Text(), StringComparison.Ordinal);
        Assert.Equal(["Critical", "High", "Medium", "Low"], (await client.SendAsync("sam@example.org")).Choices());
    }

    [Fact]
    public async Task Restart_ForgetsTheProblem_ButNotWhoTheCustomerIs()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);
        await client.SendAsync("no");
        await client.SendAsync("ACC-20931");

        Assert.Equal(Prompts.Restarted, (await client.SendAsync("restart")).Text());

        var state = await client.StateAsync();
        Assert.Equal((TriageStage.AwaitingProblem, null, "ACC-20931"), (state.Stage, state.Problem, state.Facts.AccountId));
    }

    [Fact]
    public async Task Cancel_MidFlow_StopsAndRecordsAbandoned()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);
        await client.SendAsync("no");

        Assert.Equal(Prompts.Cancelled, (await client.SendAsync("cancel")).Text());
        Assert.Equal(ConversationOutcome.Abandoned, (await client.StateAsync()).Outcome);
    }

    [Fact]
    public async Task Help_AnswersAndKeepsThePendingButtons()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        await client.SendAsync(ChargedTwice);

        var help = await client.SendAsync("help");

        Assert.Equal(Prompts.Help, help.Text());
        Assert.Equal([Prompts.Solved, Prompts.NotSolved], help.Choices());
        Assert.Equal(TriageStage.ArticlesOffered, (await client.StateAsync()).Stage);
    }

    [Fact]
    public async Task StatusLookup_ShowsTheCustomersOwnCase_AndNobodyElses()
    {
        using var directory = new Helpdesk.Tests.Shared.TemporaryDirectory();
        using (var owner = new TriageTestClient(Classifier(), Articles(), directory))
        {
            await owner.JoinAsync();
            await owner.SendAsync("agent");
            await owner.SendAsync("ACC-20931");
            await owner.SendAsync("Chat now");

            Assert.Contains("is **queued**", (await owner.SendAsync("status of HD-000001?")).Text(), StringComparison.Ordinal);
        }

        using var stranger = new TriageTestClient(Classifier(), Articles(), directory, conversationId: "conv-2", userId: "dl_user-2");
        await stranger.JoinAsync();
        var reply = await stranger.SendAsync("status HD-000001");

        Assert.Contains("can't find a case **HD-000001**", reply.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("new", reply.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesAfterTheHandoff_AreAddedToTheCase()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        foreach (var text in new[] { "agent", "ACC-20931", "Chat now" }) await client.SendAsync(text);

        var reply = await client.SendAsync("the second charge was 14.99");

        Assert.Contains("added that to case **HD-000001**", reply.Text(), StringComparison.Ordinal);
        var stored = await client.CaseAsync("HD-000001");
        Assert.Equal([CaseEventKinds.Created, CaseEventKinds.CustomerMessage], stored!.Timeline.Select(e => e.Kind));
        Assert.Equal(("customer", "the second charge was 14.99"), (stored.Timeline[1].Actor, stored.Timeline[1].Text));
    }

    [Fact]
    public async Task RedeliveredActivity_IsOneTurn()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();

        var first = await client.SendAsync(ChargedTwice, activityId: "conv-1|dup");
        var second = await client.SendAsync(ChargedTwice, activityId: "conv-1|dup");

        Assert.NotEmpty(first);
        Assert.Empty(second);
        Assert.Equal(1, (await client.StateAsync()).Transcript.Count(e => e.Role == "user"));
    }

    [Fact]
    public async Task ConversationUpdate_GreetsExactlyOnce()
    {
        using var client = new TriageTestClient(Classifier(), Articles());

        Assert.Single(await client.JoinAsync());
        Assert.Empty(await client.JoinAsync());
    }

    [Fact]
    public async Task StateSurvivesARestartOfTheProcess()
    {
        using var directory = new Helpdesk.Tests.Shared.TemporaryDirectory();
        using (var before = new TriageTestClient(Classifier(), Articles(), directory))
        {
            await before.JoinAsync();
            await before.SendAsync(ChargedTwice);
            await before.SendAsync("no");
        }

        using var after = new TriageTestClient(Classifier(), Articles(), directory);
        Assert.Equal(["Critical", "High", "Medium", "Low"], (await after.SendAsync("ACC-20931", activityId: "conv-1|after-restart")).Choices());
    }

    [Fact]
    public async Task QuietOpenConversations_AreMarkedAbandoned_HandedOffOnesAreNot()
    {
        using var directory = new Helpdesk.Tests.Shared.TemporaryDirectory();
        using var quiet = new TriageTestClient(Classifier(), Articles(), directory);
        await quiet.JoinAsync();
        await quiet.SendAsync(ChargedTwice);
        using var handedOff = new TriageTestClient(Classifier(), Articles(), directory, conversationId: "conv-2");
        await handedOff.JoinAsync();
        await handedOff.SendAsync("you are useless");

        var marked = await quiet.Store.MarkAbandonedAsync(quiet.Time.GetUtcNow().AddMinutes(30), CancellationToken.None);

        Assert.Equal(1, marked);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_LoseNoTurnOfTheSameConversation()
    {
        using var directory = new Helpdesk.Tests.Shared.TemporaryDirectory();
        using var first = new TriageTestClient(Classifier(), Articles(), directory);
        using var second = new TriageTestClient(Classifier(), Articles(), directory);
        await first.JoinAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).SendAsync($"message {i}", activityId: $"conv-1|m{i}"), TestContext.Current.CancellationToken)));

        var said = (await first.StateAsync()).Transcript.Where(e => e.Role == "user").Select(e => e.Text).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"message {i}"), said);
    }

    [Fact]
    public async Task ASecondHandoffOnTheSameIssue_JoinsTheOpenCase()
    {
        using var directory = new Helpdesk.Tests.Shared.TemporaryDirectory();
        using (var first = new TriageTestClient(Classifier(), Articles(), directory))
        {
            await first.JoinAsync();
            foreach (var text in new[] { ChargedTwice, "no", "ACC-20931", "High", "Chat now", "Send it" }) await first.SendAsync(text);
        }

        using var again = new TriageTestClient(Classifier(), Articles(), directory, conversationId: "conv-2", userId: "dl_other-device");
        await again.JoinAsync();
        foreach (var text in new[] { ChargedTwice, "no", "ACC-20931", "High", "Chat now" }) await again.SendAsync(text);
        var joined = await again.SendAsync("Send it");

        Assert.Contains("already have an open case about this, **HD-000001**", joined.Text(), StringComparison.Ordinal);
        Assert.Null(await again.CaseAsync("HD-000002"));
        var stored = await again.CaseAsync("HD-000001");
        Assert.Equal([CaseEventKinds.Created, CaseEventKinds.HandedOffAgain], stored!.Timeline.Select(e => e.Kind));
        Assert.Equal("HD-000001", (await again.StateAsync()).CaseReference);
    }

    [Fact]
    public async Task ADifferentIssue_GetsItsOwnCase()
    {
        using var client = new TriageTestClient(Classifier(), Articles());
        await client.JoinAsync();
        foreach (var text in new[] { ChargedTwice, "no", "ACC-20931", "High", "Chat now", "Send it", "restart", "where is my parcel", "Low", "Chat now" }) await client.SendAsync(text);

        Assert.Equal("HD-000002", (await client.SendAsync("Send it")).Reference());
    }

    [Fact]
    public async Task AskingForAPersonWithTheProblem_KeepsTheProblemAndRoutesByIt()
    {
        const string Asked = "my thermostat is stuck at 30 degrees, I want to talk to a person";
        using var client = new TriageTestClient(Classifier().Knows(Asked, "technical_error", 0.8), Articles());
        await client.JoinAsync();

        await client.SendAsync(Asked);
        await client.SendAsync("ACC-20931");
        var done = await client.SendAsync("Chat now");

        var stored = await client.CaseAsync(done.Reference()!);
        Assert.Equal((Asked, "technical_error", "technical"), (stored!.Details.Problem, stored.Details.Intent?.Label, stored.Plan!.QueueId));
        Assert.Equal(HandoffReason.Asked, stored.Details.Reason);
    }
}
