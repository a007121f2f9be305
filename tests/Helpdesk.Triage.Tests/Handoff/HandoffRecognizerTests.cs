using Helpdesk.Tests.Shared;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Handoff;
using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Tests.Dialog;

namespace Helpdesk.Triage.Tests.Handoff;

/// <summary>Which outbox events the real store writes are handoffs: a new case and a join are, an agent's action is not.</summary>
public sealed class HandoffRecognizerTests
{
    private const string ChargedTwice = "I was charged twice for my subscription this month";

    [Fact]
    public async Task Recognize_TellsNewCasesAndJoinsFromAgentsWork()
    {
        using var directory = new TemporaryDirectory();
        using var first = new TriageTestClient(Classifier(), directory: directory);
        await HandOffAsync(first);
        using var again = new TriageTestClient(Classifier(), directory: directory, conversationId: "conv-2", userId: "dl_other-device");
        await HandOffAsync(again);
        await first.Store.ActAsync("HD-000001", new CaseAction.Claim("maya"), first.Time.GetUtcNow().AddMinutes(1), ["billing"], CancellationToken.None);

        var events = await first.Store.DueAsync("test", OutboxPosition.Start, first.Time.GetUtcNow(), 10, CancellationToken.None);
        var current = await first.CaseAsync("HD-000001");

        Assert.Equal(
            [(OutboxEventKinds.CaseCreated, HandoffOccasion.NewCase), (OutboxEventKinds.CaseUpdated, HandoffOccasion.JoinedCase), (OutboxEventKinds.CaseUpdated, HandoffOccasion.None)],
            events.Select(e => (e.Event.Kind, HandoffRecognizer.Recognize(e.Event, current!))));
    }

    private static ScriptedClassifier Classifier() => new ScriptedClassifier().Knows(ChargedTwice, "billing_dispute", 0.93);

    private static async Task HandOffAsync(TriageTestClient client)
    {
        await client.JoinAsync();
        foreach (var text in new[] { ChargedTwice, "I want to talk to a person", "ACC-20931", "Chat now" }) await client.SendAsync(text);
    }
}
