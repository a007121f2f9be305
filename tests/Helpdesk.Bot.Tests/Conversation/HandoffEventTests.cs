using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Conversation;

/// <summary>Checklist 41 over real Direct Line: a handoff puts exactly one <c>handoff.initiate</c> event
/// into the customer's conversation, with the triage record and the transcript so far.</summary>
public sealed class HandoffEventTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    [Fact]
    public async Task AHandoff_SendsOneHandoffInitiate_WithTheCaseAndTheTranscript()
    {
        var handoff = await HandOffAsync("ACC-30001");

        var activities = await bot.Client.WaitForAsync(handoff.ConversationId, handoff.Token, DirectLineClient.IsHandoffInitiation, TestContext.Current.CancellationToken);

        var initiation = Assert.Single(activities, DirectLineClient.IsHandoffInitiation);
        Assert.Equal("bot", initiation.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(IdOf(activities, "Chat now"), initiation.GetProperty("replyToId").GetString());
        var value = initiation.GetProperty("value");
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.Equal(ReferenceIn(activities), value.GetProperty("caseReference").GetString());
        var attachment = Assert.Single(initiation.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("application/json", "Transcript"), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("name").GetString()));
        var transcript = attachment.GetProperty("content").GetProperty("activities").EnumerateArray().ToList();
        Assert.All(transcript, a => Assert.Contains(a.GetProperty("from").GetProperty("role").GetString(), new[] { "user", "bot" }));
        Assert.Equal(handoff.Said, transcript.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.GetProperty("text").GetString()));
        Assert.All(transcript, a => Assert.Equal(a.GetRawText(), activities.Single(logged => Id(logged) == Id(a)).GetRawText()));
    }

    [Fact]
    public async Task ARedeliveredActivity_DoesNotSendASecondEvent()
    {
        var first = await HandOffAsync("ACC-30002");
        var activities = await bot.Client.WaitForAsync(first.ConversationId, first.Token, DirectLineClient.IsHandoffInitiation, TestContext.Current.CancellationToken);

        // The client sends its last message again, and Direct Line hands the recorded one to the bot again.
        (await bot.Client.PostMessageAsync(first.ConversationId, first.Token, "Chat now", first.LastClientActivityId)).Dispose();
        var recorded = ChannelJson.Deserialize(activities.Single(a => Id(a) == IdOf(activities, "Chat now")).GetRawText())!;
        var answered = await bot.Factory.Services.GetRequiredService<IDirectLineBot>().OnActivityAsync(recorded, TestContext.Current.CancellationToken);
        // Events go out in outbox order, so once a later handoff's event is there, a second one for the first would be too.
        var later = await HandOffAsync("ACC-30003");
        await bot.Client.WaitForAsync(later.ConversationId, later.Token, DirectLineClient.IsHandoffInitiation, TestContext.Current.CancellationToken);

        Assert.Empty(answered);
        var after = (await bot.Client.ActivitiesAsync(first.ConversationId, first.Token)).GetProperty("activities").EnumerateArray();
        Assert.Single(after, DirectLineClient.IsHandoffInitiation);
    }

    [Fact]
    public async Task ACustomerBackInANewChat_JoinsTheOpenCase_AndTheEventAndAgentRepliesGoToTheNewChat()
    {
        var first = await HandOffAsync("ACC-30004");
        var firstActivities = await bot.Client.WaitForAsync(first.ConversationId, first.Token, DirectLineClient.IsHandoffInitiation, TestContext.Current.CancellationToken);
        var reference = ReferenceIn(firstActivities)!;

        var again = await HandOffAsync("ACC-30004");
        var activities = await bot.Client.WaitForAsync(again.ConversationId, again.Token, DirectLineClient.IsHandoffInitiation, TestContext.Current.CancellationToken);

        var initiation = Assert.Single(activities, DirectLineClient.IsHandoffInitiation);
        Assert.Equal(reference, initiation.GetProperty("value").GetProperty("caseReference").GetString());
        Assert.Equal(IdOf(activities, "Chat now"), initiation.GetProperty("replyToId").GetString());
        var stored = await bot.Factory.Services.GetRequiredService<Helpdesk.Triage.Cases.ICaseStore>().FindCaseAsync(reference, TestContext.Current.CancellationToken);
        Assert.Equal(again.ConversationId, stored!.ConversationId);
    }

    /// <summary>Asks for a person and answers the two quick questions, as Web Chat would post them. Every
    /// test uses accounts of its own: the same account on the same issue would join the open case instead.</summary>
    private async Task<Handoff> HandOffAsync(string account)
    {
        var (conversationId, token) = await bot.Client.SessionAsync();
        await bot.Client.StartAsync(token);
        string[] said = ["I want to talk to a person", account, "Chat now"];
        var clientActivityId = "";
        foreach (var text in said)
        {
            clientActivityId = Guid.NewGuid().ToString("N");
            (await bot.Client.PostMessageAsync(conversationId, token, text, clientActivityId)).Dispose();
        }

        return new Handoff(conversationId, token, said, clientActivityId);
    }

    private static string? Id(JsonElement activity) => activity.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static string? IdOf(IEnumerable<JsonElement> activities, string userText) =>
        Id(activities.Single(a => a.GetProperty("from").GetProperty("role").GetString() == "user" && a.TryGetProperty("text", out var text) && text.GetString() == userText));

    private static string? ReferenceIn(IEnumerable<JsonElement> activities) =>
        activities.Select(a => a.TryGetProperty("text", out var text) ? Helpdesk.Triage.Cases.CaseReference.Find(text.GetString() ?? "") : null).Last(r => r is not null);

    private sealed record Handoff(string ConversationId, string Token, string[] Said, string LastClientActivityId);
}
