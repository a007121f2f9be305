using System.Text.Json;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Handoff;
using Helpdesk.Triage.Tests.Dialog;

namespace Helpdesk.Triage.Tests.Handoff;

/// <summary>The <c>handoff.initiate</c> event built for a case the real pipeline created.</summary>
public sealed class HandoffInitiationTests
{
    private static readonly ChannelAccount Bot = new() { Id = "helpdesk-bot", Name = "Support assistant", Role = "bot" };

    [Fact]
    public async Task Create_IsOneEventFromTheBot_AnsweringTheActivityThatAskedForAPerson()
    {
        var (handedOff, conversation) = await HandOffAsync();

        var initiation = HandoffInitiation.Create(handedOff, conversation, Bot);

        Assert.Equal((ActivityTypes.Event, HandoffEventNames.Initiate), (initiation.Type, initiation.Name));
        Assert.Equal(Bot, initiation.From);
        Assert.Equal(("conv-1", "dl_user-1"), (initiation.Conversation!.Id, initiation.Recipient!.Id));
        Assert.Equal("conv-1|chat-now", initiation.ReplyToId);
        Assert.Equal(("conv-1|chat-now", "conv-1"), (initiation.RelatesTo!.ActivityId, initiation.RelatesTo.Conversation.Id));
    }

    [Fact]
    public async Task Create_CarriesTheTriageRecordAsItsValue()
    {
        var (handedOff, conversation) = await HandOffAsync();

        var value = HandoffInitiation.Create(handedOff, conversation, Bot).Value!.Value;

        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.Equal(("HD-000001", "Asked"), (value.GetProperty("caseReference").GetString(), value.GetProperty("reason").GetString()));
        Assert.Equal(("billing_dispute", 0.93), (value.GetProperty("intent").GetString(), value.GetProperty("intentConfidence").GetDouble()));
        Assert.Equal(handedOff.Details.Problem, value.GetProperty("summary").GetString());
        Assert.Equal(handedOff.Plan!.Priority.Level.ToString(), value.GetProperty("priorityLevel").GetString());
        Assert.Equal(handedOff.Plan.Priority.Score, value.GetProperty("priorityScore").GetDouble());
        Assert.Equal(handedOff.Plan.QueueId, value.GetProperty("queue").GetString());
        Assert.Equal(handedOff.Plan.FirstResponseDue, value.GetProperty("firstResponseDue").GetDateTimeOffset());
        var customer = value.GetProperty("customer");
        Assert.Equal(("ACC-20931", "Chat"), (customer.GetProperty("accountId").GetString(), customer.GetProperty("callback").GetString()));
        Assert.True(customer.TryGetProperty("name", out _), "the directory knows ACC-20931, so its name is given");
    }

    [Fact]
    public async Task Create_AttachesTheMessagesSoFar_AsATranscript()
    {
        var (handedOff, conversation) = await HandOffAsync();

        var attachment = Assert.Single(HandoffInitiation.Create(handedOff, conversation, Bot).Attachments!);

        Assert.Equal(("application/json", "Transcript"), (attachment.ContentType, attachment.Name));
        var transcript = attachment.Content!.Value.Deserialize(ChannelJson.Info<Transcript>())!;
        Assert.Equal(conversation.Where(a => a.Type == ActivityTypes.Message).Select(a => a.Id), transcript.Activities.Select(a => a.Id));
        Assert.All(transcript.Activities, a => Assert.Contains(a.From?.Role, new[] { "user", "bot" }));
        Assert.Equal([ChargedTwice, "I want to talk to a person", "ACC-20931", "Chat now"], transcript.Activities.Where(a => a.From!.Role == "user").Select(a => a.Text));
    }

    private const string ChargedTwice = "I was charged twice for my subscription this month";

    /// <summary>A conversation the real pipeline hands off (HD-000001), and its activities as a channel
    /// records them: the hidden conversationUpdate, an event from the page, and the messages both ways.</summary>
    private static async Task<(StoredCase Case, List<Activity> Conversation)> HandOffAsync()
    {
        using var client = new TriageTestClient(new ScriptedClassifier().Knows(ChargedTwice, "billing_dispute", 0.93));
        var conversation = new List<Activity>
        {
            new() { Type = ActivityTypes.ConversationUpdate, Id = "conv-1|start", Conversation = new ConversationAccount { Id = "conv-1" } },
            new() { Type = ActivityTypes.Event, Name = "webchat/join", Id = "conv-1|join", From = new ChannelAccount { Id = "dl_user-1", Role = "user" } },
        };
        conversation.AddRange(await client.JoinAsync());
        foreach (var (text, id) in new[] { (ChargedTwice, "conv-1|problem"), ("I want to talk to a person", "conv-1|person"), ("ACC-20931", "conv-1|account"), ("Chat now", "conv-1|chat-now") })
        {
            conversation.Add(client.Message(text, id));
            conversation.AddRange((await client.SendAsync(text, id)).Select((reply, n) => reply with { Id = $"{id}-reply-{n}" }));
        }

        return ((await client.CaseAsync("HD-000001"))!, conversation);
    }
}
