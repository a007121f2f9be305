using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>What an engagement hub's <c>handoff.status</c> does to the conversation after a handoff:
/// accepted silences the bot, failed tells the customer and offers another way, completed gives the
/// conversation back to the bot; anything else changes nothing.</summary>
public sealed class HandoffStatusTests
{
    private static readonly TriagePrompts Prompts = TriageTestClient.Prompts;

    [Fact]
    public async Task Accepted_TheBotStaysQuiet_AndFilesWhatTheCustomerWritesOnTheCase()
    {
        using var client = await HandedOffAsync();

        var accepted = await client.HandoffStatusAsync("accepted");
        var meanwhile = await client.SendAsync("is anyone there?");

        Assert.Empty(accepted);
        Assert.Empty(meanwhile);
        var stored = await client.CaseAsync("HD-000001");
        Assert.Contains(stored!.Timeline, e => e.Kind == CaseEventKinds.CustomerMessage && e.Text == "is anyone there?");
    }

    [Fact]
    public async Task Failed_TellsTheCustomer_AndTheBotTakesTheirOtherRoute()
    {
        using var client = await HandedOffAsync();
        await client.HandoffStatusAsync("accepted");

        var failed = await client.HandoffStatusAsync("failed");
        var other = await client.SendAsync("email me at jo@example.com");

        Assert.Equal(TriagePrompts.Fill(Prompts.HandoffFailed, ("reference", "HD-000001"), ("via", Prompts.ViaChat)), failed.Text());
        Assert.Contains("by email to jo@example.com", other.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completed_TheBotTakesTheConversationBack_AsANewRequest()
    {
        using var client = await HandedOffAsync();
        await client.HandoffStatusAsync("accepted");

        var completed = await client.HandoffStatusAsync("completed");
        var next = await client.SendAsync("where is my parcel");

        Assert.Empty(completed);
        Assert.NotEmpty(next);
        var state = await client.StateAsync();
        Assert.NotEqual(TriageStage.HandedOff, state.Stage);
        Assert.Null(state.CaseReference);
    }

    [Theory]
    [InlineData("transferred")]
    [InlineData("ACCEPTED")]
    [InlineData("")]
    public async Task AnUnknownState_IsIgnored(string state)
    {
        using var client = await HandedOffAsync();

        var reported = await client.HandoffStatusAsync(state);
        var next = await client.SendAsync("one more thing: it happened twice");

        Assert.Empty(reported);
        Assert.Contains("added that to case **HD-000001**", next.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportFromTheCustomersOwnClient_IsIgnored()
    {
        using var client = await HandedOffAsync();

        await client.HandoffStatusAsync("accepted", fromBackEnd: false);
        var next = await client.SendAsync("one more thing: it happened twice");

        Assert.Contains("added that to case **HD-000001**", next.Text(), StringComparison.Ordinal);
        Assert.False((await client.StateAsync()).HandoffAccepted);
    }

    [Fact]
    public async Task AReportBeforeAnyHandoff_IsIgnored()
    {
        using var client = new TriageTestClient(Classifier());
        await client.JoinAsync();

        await client.HandoffStatusAsync("accepted");
        var answered = await client.SendAsync("where is my parcel");

        Assert.NotEmpty(answered);
        Assert.False((await client.StateAsync()).HandoffAccepted);
    }

    private static ScriptedClassifier Classifier() => new ScriptedClassifier().Knows("where is my parcel", "order_status", 0.9);

    /// <summary>A conversation handed to a person the quickest way: case HD-000001, answered in the chat.</summary>
    private static async Task<TriageTestClient> HandedOffAsync()
    {
        var client = new TriageTestClient(Classifier());
        await client.JoinAsync();
        foreach (var text in new[] { "I want to talk to a person", "ACC-20931" }) await client.SendAsync(text);
        Assert.Equal("HD-000001", (await client.SendAsync("Chat now")).Reference());
        return client;
    }
}
