using System.Text.Json;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Processing;

namespace Helpdesk.Triage.Tests.Processing;

public sealed class ActivityReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Activity Message(string? text, string? valueJson = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Value = valueJson is null ? null : JsonDocument.Parse(valueJson).RootElement.Clone(),
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "c" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    /// <summary>An engagement hub's report, as Direct Line hands over what was posted with its secret.</summary>
    private static Activity HandoffStatusEvent(string valueJson) => new()
    {
        Type = ActivityTypes.Event,
        Name = HandoffEventNames.Status,
        Id = "c|0000007",
        Value = JsonDocument.Parse(valueJson).RootElement.Clone(),
        ChannelId = "directline",
        Conversation = new ConversationAccount { Id = "c" },
        CallerId = DirectLineServer.SecretHolderCallerId,
    };

    [Theory]
    [InlineData("remove", true)]
    [InlineData("remove-upgrade", true)]
    [InlineData("add", false)]
    [InlineData("add-upgrade", false)]
    public void ATeamsUninstall_IsATurnOfItsOwn_AndAnInstallIsLeftToTheWelcome(string action, bool uninstalled)
    {
        var input = ActivityReader.Read(new Activity { Type = ActivityTypes.InstallationUpdate, Action = action, ChannelId = "msteams", Conversation = new ConversationAccount { Id = "c" } }, Now);

        Assert.Equal(uninstalled ? TurnKind.Uninstalled : null, input?.Kind);
    }

    [Fact]
    public void ACardSubmit_IsReadFromItsValue_NotFromText()
    {
        var input = ActivityReader.Read(Message("", """{"choice":"High","ignored":1}"""), Now);

        Assert.Equal(TurnInput.Message("High", Now, "msteams"), input);
    }

    [Fact]
    public void TeamsMentions_AreRemovedBeforeTriage()
    {
        Assert.Equal("my camera is offline", ActivityReader.Read(Message("<at>Helpdesk</at> my camera is offline"), Now)!.Text);
    }

    [Fact]
    public void TheBotJoining_IsAJoin_AndSomeoneElseJoiningIsNothing()
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Conversation = new ConversationAccount { Id = "c" },
            Recipient = new ChannelAccount { Id = "bot" },
            MembersAdded = [new ChannelAccount { Id = "bot" }],
        };

        Assert.Equal(TurnKind.Join, ActivityReader.Read(update, Now)!.Kind);
        Assert.Null(ActivityReader.Read(update with { MembersAdded = [new ChannelAccount { Id = "user" }] }, Now));
    }

    [Theory]
    [InlineData("accepted", HandoffStatus.Accepted)]
    [InlineData("failed", HandoffStatus.Failed)]
    [InlineData("completed", HandoffStatus.Completed)]
    public void AHubsHandoffStatus_IsReadWithItsExplanation(string state, HandoffStatus expected)
    {
        var input = ActivityReader.Read(HandoffStatusEvent($$"""{"state":"{{state}}","message":"no agents online"}"""), Now);

        Assert.Equal(TurnInput.HandoffReport(expected, "no agents online", Now, "directline") with { ActivityId = "c|0000007" }, input);
    }

    [Theory]
    [InlineData("""{"state":"transferred"}""")]
    [InlineData("""{"state":1}""")]
    [InlineData("""{"message":"no state"}""")]
    [InlineData("\"accepted\"")]
    public void AHandoffStatusWithoutAKnownState_IsNotATurn(string valueJson)
    {
        Assert.Null(ActivityReader.Read(HandoffStatusEvent(valueJson), Now));
    }

    [Fact]
    public void AHandoffStatus_NotFromABackEnd_IsNotATurn()
    {
        Assert.Null(ActivityReader.Read(HandoffStatusEvent("""{"state":"accepted"}""") with { CallerId = null }, Now));
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.Event)]
    [InlineData("somethingNew")]
    public void OtherActivities_AreNotTurns(string type)
    {
        Assert.Null(ActivityReader.Read(Message("hi") with { Type = type }, Now));
    }
}
