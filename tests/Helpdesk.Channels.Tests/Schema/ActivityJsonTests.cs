using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.Tests.Schema;

public sealed class ActivityJsonTests
{
    // The Teams example of the protocol reference, with fields this model does not know added at
    // every level that must keep them.
    private const string TeamsMessage = """
        { "type": "message", "id": "1736161234567", "timestamp": "2025-01-06T10:20:34.567Z",
          "serviceUrl": "https://smba.trafficmanager.net/emea/", "channelId": "msteams",
          "from": { "id": "29:1a2b", "name": "Ana Ruiz", "aadObjectId": "6f1c-0001", "futureAccountField": 1 },
          "recipient": { "id": "28:00000000-1111-2222-3333-444444444444", "name": "Helpdesk" },
          "conversation": { "id": "a:1XyZ", "conversationType": "personal", "tenantId": "9c8d", "futureConversationField": [1, 2] },
          "text": "my laptop will not boot", "textFormat": "plain", "locale": "en-GB",
          "attachments": [ { "contentType": "text/html", "content": "<p>my laptop will not boot</p>", "futureAttachmentField": true } ],
          "entities": [ { "type": "clientInfo", "locale": "en-GB", "platform": "Windows", "timezone": "Europe/Madrid" } ],
          "channelData": { "tenant": { "id": "9c8d" } },
          "futureActivityField": { "nested": "kept" } }
        """;

    [Fact]
    public void RoundTrip_UnknownFieldsAtEveryLevel_Survive()
    {
        var activity = ChannelJson.Deserialize(TeamsMessage)!;

        var written = JsonNode.Parse(ChannelJson.Serialize(activity))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), written), written.ToJsonString());
    }

    [Fact]
    public void Read_TeamsMessage_MapsTheModelledFields()
    {
        var activity = ChannelJson.Deserialize(TeamsMessage)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("6f1c-0001", activity.From!.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal(new DateTimeOffset(2025, 1, 6, 10, 20, 34, 567, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal("Europe/Madrid", activity.Entities![0].Properties!["timezone"].GetString());
    }

    [Fact]
    public void Write_UsesCamelCaseAndOmitsNullsAndEmptyLists()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Hello",
            ReplyToId = "7",
            Attachments = [],
            Entities = [],
            SuggestedActions = null,
        };

        var json = ChannelJson.Serialize(activity);

        Assert.Equal("""{"type":"message","replyToId":"7","text":"Hello"}""", json);
    }

    [Theory]
    [InlineData("""{"type":"message","from":{"id":"u1","role":1}}""", "1")]
    [InlineData("""{"type":"message","from":{"id":"u1","role":"user"}}""", "user")]
    [InlineData("""{"type":"message","from":{"id":"u1","role":{"odd":true}}}""", null)]
    public void Read_RoleOfAnyShape_NeverFailsTheActivity(string json, string? role)
    {
        var activity = ChannelJson.Deserialize(json)!;

        Assert.Equal(role, activity.From!.Role);
    }

    [Theory]
    [InlineData("""{"type":"message","timestamp":1736161234}""", 1736161234000L)]
    [InlineData("""{"type":"message","timestamp":1736161234567}""", 1736161234567L)]
    [InlineData("""{"type":"message","timestamp":"not a date"}""", null)]
    public void Read_TimestampAsUnixNumberOrGarbage_IsReadOrDropped(string json, long? unixMilliseconds)
    {
        var activity = ChannelJson.Deserialize(json)!;

        Assert.Equal(unixMilliseconds, activity.Timestamp?.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Write_LocalTimestamp_KeepsItsOffset()
    {
        var activity = ChannelJson.Deserialize("""{"type":"message","localTimestamp":"2025-03-01T10:15:00.123+01:00"}""")!;

        var json = ChannelJson.Serialize(activity);

        Assert.Equal("2025-03-01T10:15:00.123+01:00", JsonDocument.Parse(json).RootElement.GetProperty("localTimestamp").GetString());
    }

    [Fact]
    public void CreateReply_SwapsAccountsAndPointsBackWithoutIdOrTimestamp()
    {
        var incoming = ChannelJson.Deserialize(TeamsMessage)!;

        var reply = incoming.CreateReply("Let's get that sorted.");

        Assert.Equal(incoming.Recipient, reply.From);
        Assert.Equal(incoming.From, reply.Recipient);
        Assert.Equal("1736161234567", reply.ReplyToId);
        Assert.Equal(incoming.Conversation, reply.Conversation);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
        var json = JsonDocument.Parse(ChannelJson.Serialize(reply)).RootElement;
        Assert.False(json.TryGetProperty("id", out _));
        Assert.False(json.TryGetProperty("timestamp", out _));
    }

    [Property(MaxTest = 200)]
    public bool RoundTrip_AnyTextAndIds_IsLossless(FsCheck.NonNull<string> text, FsCheck.NonNull<string> id, FsCheck.NonNull<string> conversation)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = id.Get,
            Text = text.Get,
            Conversation = new ConversationAccount { Id = conversation.Get },
        };

        var read = ChannelJson.Deserialize(ChannelJson.Serialize(activity))!;

        return read.Id == activity.Id && read.Text == activity.Text && read.Conversation!.Id == activity.Conversation.Id;
    }
}
