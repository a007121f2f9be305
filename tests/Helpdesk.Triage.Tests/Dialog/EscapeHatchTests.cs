using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>"agent" works from every step, asks at most two skippable questions, and always ends in a case.</summary>
public sealed class EscapeHatchTests
{
    private const string ChargedTwice = "I was charged twice for my subscription this month";

    public static TheoryData<string, string[]> Steps => new()
    {
        { "before anything", [] },
        { "after the greeting only", ["hello"] },
        { "at did-you-mean", ["money thing"] },
        { "at the articles", [ChargedTwice] },
        { "at the account ID", [ChargedTwice, "no"] },
        { "at the urgency", [ChargedTwice, "no", "ACC-20931"] },
        { "at the callback", [ChargedTwice, "no", "ACC-20931", "High"] },
        { "at the email", [ChargedTwice, "no", "ACC-20931", "High", "Email"] },
        { "at the summary", [ChargedTwice, "no", "ACC-20931", "High", "Chat now"] },
        { "after offering a person", ["blah", "blah blah"] },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Agent_FromAnyStep_ReachesACaseWithinTwoQuestions(string step, string[] before)
    {
        using var client = new TriageTestClient(new ScriptedClassifier()
                .Knows(ChargedTwice, "billing_dispute", 0.93)
                .Knows("hello", "greeting", 0.95)
                .Unsure("money thing", ("refund_request", 0.41), ("billing_dispute", 0.33)),
            new ScriptedArticles().For("billing_dispute", new ArticleSuggestion("charged-twice", "Charged twice?", "Why.")));
        await client.JoinAsync();
        foreach (var text in before) await client.SendAsync(text);

        var reply = await client.SendAsync("I want to talk to a human");
        for (var question = 0; question < 2 && reply.Reference() is null; question++)
        {
            Assert.Contains(TriageTestClient.Prompts.Skip, reply.Choices());
            reply = await client.SendAsync("Skip");
        }

        Assert.True(reply.Reference() is not null, $"no case after the escape hatch {step}");
        Assert.Equal(ConversationOutcome.HandedOff, (await client.StateAsync()).Outcome);
    }
}
