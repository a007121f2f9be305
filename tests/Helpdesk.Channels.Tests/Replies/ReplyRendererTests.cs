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
        Assert.Equal(AdaptiveCards.ContentType, card.ContentType);
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

    private static readonly Activity FromTeams = Inbound with { ChannelId = "msteams", Id = "1677000000001" };

    [Fact]
    public void In_Teams_choices_are_submit_buttons_on_an_adaptive_card_whose_data_reads_like_the_title()
    {
        var activity = ReplyRenderer.Render(BotReply.Say("How urgent is it?", "High", "Low"), FromTeams);

        Assert.Null(activity.SuggestedActions);
        Assert.Equal("How urgent is it?", activity.Text);
        var card = Assert.Single(activity.Attachments!);
        Assert.Equal(AdaptiveCards.ContentType, card.ContentType);
        var content = card.Content!.Value;
        Assert.Equal("1.5", content.GetProperty("version").GetString());
        var actions = content.GetProperty("actions").EnumerateArray().ToList();
        Assert.All(actions, a => Assert.Equal("Action.Submit", a.GetProperty("type").GetString()));
        Assert.Equal(["High", "Low"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(["High", "Low"], actions.Select(a => a.GetProperty("data").GetProperty("choice").GetString()));
        Assert.DoesNotContain("postBack", ChannelJson.Serialize(activity), StringComparison.Ordinal);
    }

    [Fact]
    public void In_Teams_articles_are_adaptive_cards_that_open_the_article()
    {
        var reply = new BotReply { Text = "This should help:", Articles = [new("a", "A", "About a", "https://help.example/kb/a"), new("b", "B", "About b", "https://help.example/kb/b")] };

        var activity = ReplyRenderer.Render(reply, FromTeams);

        Assert.Equal("carousel", activity.AttachmentLayout);
        Assert.All(activity.Attachments!, a => Assert.Equal(AdaptiveCards.ContentType, a.ContentType));
        var first = activity.Attachments![0].Content!.Value;
        Assert.Equal("A", first.GetProperty("body")[0].GetProperty("text").GetString());
        var open = first.GetProperty("actions")[0];
        Assert.Equal(("Action.OpenUrl", "https://help.example/kb/a"), (open.GetProperty("type").GetString(), open.GetProperty("url").GetString()));
        Assert.Equal("https://help.example/kb/a", first.GetProperty("selectAction").GetProperty("url").GetString());
    }

    [Fact]
    public void In_Teams_a_summary_carries_its_own_answers_as_buttons()
    {
        var reply = new BotReply { Summary = new SummaryCard("Here's what I'll send", [new("Account", "ACC-20931")]), Choices = ["Send it", "Change something"] };

        var activity = ReplyRenderer.Render(reply, FromTeams);

        var card = Assert.Single(activity.Attachments!).Content!.Value;
        Assert.Equal("ACC-20931", card.GetProperty("body")[1].GetProperty("facts")[0].GetProperty("value").GetString());
        Assert.Equal(["Send it", "Change something"], card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("data").GetProperty("choice").GetString()));
        Assert.Null(activity.SuggestedActions);
    }
}
