using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Metrics;
using Helpdesk.Triage.Tests.Dialog;

namespace Helpdesk.Triage.Tests.Metrics;

/// <summary>Metrics from real recorded conversations and case actions, every rate with its denominator.</summary>
public sealed class MetricsCalculatorTests
{
    private const string ChargedTwice = "I was charged twice for my subscription this month";
    private static readonly string[] Queues = ["billing", "general"];

    [Fact]
    public async Task FromConversationsAndCases_EveryFigureComesFromWhatHappened()
    {
        using var directory = new Helpdesk.Tests.Shared.TemporaryDirectory();
        var classifier = new ScriptedClassifier().Knows(ChargedTwice, "billing_dispute", 0.93);
        var articles = new ScriptedArticles().For("billing_dispute", new ArticleSuggestion("charged-twice", "Charged twice?", "Why."));
        using var solved = new TriageTestClient(classifier, articles, directory, conversationId: "solved");
        await solved.JoinAsync();
        await solved.SendAsync(ChargedTwice);
        await solved.SendAsync("yes");
        await solved.SendAsync("5");
        using var handedOff = new TriageTestClient(classifier, articles, directory, conversationId: "handed-off", userId: "dl_2");
        await handedOff.JoinAsync();
        foreach (var text in new[] { ChargedTwice, "no", "ACC-20931", "High", "Chat now", "Send it" }) await handedOff.SendAsync(text);
        using var greetedOnly = new TriageTestClient(classifier, articles, directory, conversationId: "greeted", userId: "dl_3");
        await greetedOnly.JoinAsync();

        var store = handedOff.Store;
        var created = (await store.FindCaseAsync("HD-000001", CancellationToken.None))!.CreatedAt;
        await store.ActAsync("HD-000001", new CaseAction.Claim("maya"), created.AddMinutes(10), Queues, CancellationToken.None);
        await store.ActAsync("HD-000001", new CaseAction.Reply("maya", "On it"), created.AddMinutes(15), Queues, CancellationToken.None);
        await store.ActAsync("HD-000001", new CaseAction.Resolve("maya", "refund-issued"), created.AddMinutes(60), Queues, CancellationToken.None);

        var report = MetricsCalculator.Compute(
            await store.ConversationRecordsAsync(CancellationToken.None),
            await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.All, null), CancellationToken.None),
            hours: null,
            created.AddHours(2));

        Assert.Equal(3, report.Conversations);
        Assert.Equal(new Rate(1, 2), report.SelfService);
        Assert.Equal(new Rate(1, 2), report.SelfServiceByIntent["billing_dispute"]);
        Assert.Equal(new Rate(1, 2), report.Handoff);
        Assert.Equal(1, report.HandoffReasons[nameof(HandoffReason.NotSolved)]);
        Assert.Equal((1, TimeSpan.FromMinutes(15)), (report.FirstResponse.Count, report.FirstResponse.Median!.Value));
        Assert.Equal(TimeSpan.FromMinutes(10), report.TimeToAssignment.Median);
        Assert.Equal(new Rate(1, 1), report.FirstResponseWithinTarget);
        Assert.Equal(new Rate(1, 1), report.ResolvedWithinTarget);
        Assert.Equal(new Rate(0, 1), report.Reassigned);
        Assert.Equal(0, report.Backlog);
        Assert.Equal(0, report.HumanCsat.Ratings);
        Assert.Null(report.HumanCsat.Satisfied.Value);
        Assert.Equal(new CsatFigures(1, 5, new Rate(1, 1)), report.BotCsat);
    }
}
