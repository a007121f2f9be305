using System.Text.Json;
using Helpdesk.Channels.Replies;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.Tests.Replies;

public sealed class ReplyRendererTests
{
    private static readonly Activity Inbound = new()
    {
        Type = ActivityTypes.Message,
        Id = "conv|0000002",
        ChannelId = "directline",
        ServiceUrl = "https://example.test/",
        Conversation = new ConversationAccount { Id = "conv" },
        From = new ChannelAccount { Id = "dl_user", Role = "user" },
        Recipient = new ChannelAccount { Id = "helpdesk-bot", Role = "bot" },
    };

    [Fact]
    public void Choices_BecomeImBackSuggestedActions_NeverPostBack()
    {
        var activity = ReplyRenderer.Render(BotReply.Say("How urgent is it?", "High", "Low"), Inbound);

        Assert.Equal(["High", "Low"], activity.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(activity.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
        Assert.Equal("High", activity.SuggestedActions.Actions[0].Value!.Value.GetString());
        Assert.Equal("expectingInput", activity.InputHint);
    }

    [Fact]
    public void AReply_AnswersTheInboundActivity_WithoutIdOrTimestamp()
    {
        var activity = ReplyRenderer.Render(BotReply.Say("Hello"), Inbound);

        Assert.Equal(("conv|0000002", "helpdesk-bot", "dl_user", "conv"), (activity.ReplyToId, activity.From!.Id, activity.Recipient!.Id, activity.Conversation!.Id));
        Assert.Null(activity.Id);
        Assert.Null(activity.Timestamp);
        Assert.Equal("markdown", activity.TextFormat);
    }

    [Fact]
    public void Articles_BecomeHeroCardsInACarousel_WithAnOpenUrlButton()
    {
        var reply = new BotReply { Text = "This should help:", Articles = [new("a", "A", "About a", "/kb/a"), new("b", "B", "About b", "/kb/b")] };

        var activity = ReplyRenderer.Render(reply, Inbound);

        Assert.Equal("carousel", activity.AttachmentLayout);
        Assert.All(activity.Attachments!, a => Assert.Equal(ReplyRenderer.HeroCardContentType, a.ContentType));
        var button = activity.Attachments![0].Content!.Value.GetProperty("buttons")[0];
        Assert.Equal(("openUrl", "/kb/a"), (button.GetProperty("type").GetString(), button.GetProperty("value").GetString()));
    }

    [Fact]
    public void Summary_IsAnAdaptiveCardOfVersion15_WithItsFacts()
    {
        var reply = new BotReply { Summary = new SummaryCard("Here's what I'll send", [new("Account", "ACC-20931"), new("Urgency", "High")]) };

        var activity = ReplyRenderer.Render(reply, Inbound);

        var card = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var content = card.Content!.Value;
        Assert.Equal(("AdaptiveCard", "1.5"), (content.GetProperty("type").GetString(), content.GetProperty("version").GetString()));
        var facts = content.GetProperty("body")[1].GetProperty("facts");
        Assert.Equal("ACC-20931", facts[0].GetProperty("value").GetString());
        Assert.Equal("Here's what I'll send", activity.Summary);
    }

    [Fact]
    public void ARenderedReply_OnTheWire_IsCamelCaseWithoutNullsOrEmptyLists()
    {
        var json = ChannelJson.Serialize(ReplyRenderer.Render(BotReply.Say("Hello"), Inbound));

        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("replyToId", names);
        Assert.DoesNotContain("attachments", names);
        Assert.DoesNotContain("suggestedActions", names);
        Assert.DoesNotContain("id", names);
        Assert.DoesNotContain(names, n => char.IsUpper(n[0]));
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }
}
