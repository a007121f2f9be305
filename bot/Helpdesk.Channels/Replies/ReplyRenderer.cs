using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.Replies;

/// <summary>
/// Turns channel-neutral replies into Bot Framework activities answering an inbound one. Web Chat and
/// most channels get choices as <c>imBack</c> suggested actions, articles as hero cards in a carousel
/// with an "open" button, and the summary as an Adaptive Card 1.5 fact set. Teams shows suggested
/// actions only in personal chats, so there every button is an <c>Action.Submit</c> on an Adaptive
/// Card (1.5, the highest it renders) and articles are Adaptive Cards too. No button is ever a
/// <c>postBack</c>, which Teams does not have.
/// </summary>
public static class ReplyRenderer
{
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    public static Activity Render(BotReply reply, Activity inbound) =>
        inbound.ChannelId == ChannelIds.Teams ? ForTeams(reply, inbound) : ForWebChat(reply, inbound);

    private static Activity ForWebChat(BotReply reply, Activity inbound)
    {
        var attachments = reply.Articles.Select(HeroCard).ToList();
        if (reply.Summary is { } summary) attachments.Add(AdaptiveCards.Summary(summary, []));

        return Reply(reply, inbound, attachments, reply.Articles.Count > 1 ? "carousel" : null) with
        {
            SuggestedActions = reply.Choices.Count == 0 ? null : new SuggestedActions
            {
                Actions = reply.Choices.Select(choice => new CardAction { Type = "imBack", Title = choice, Value = JsonSerializer.SerializeToElement(choice, ChannelJsonContext.Default.String) }).ToList(),
            },
        };
    }

    private static Activity ForTeams(BotReply reply, Activity inbound)
    {
        var attachments = reply.Articles.Select(AdaptiveCards.Article).ToList();
        if (reply.Summary is { } summary) attachments.Add(AdaptiveCards.Summary(summary, reply.Choices));
        else if (reply.Choices.Count > 0) attachments.Add(AdaptiveCards.Choices(reply.Choices));

        // A carousel would hide the buttons' card among the articles.
        return Reply(reply, inbound, attachments, reply.Articles.Count > 1 && reply.Choices.Count == 0 ? "carousel" : null);
    }

    private static Activity Reply(BotReply reply, Activity inbound, List<Attachment> attachments, string? layout) =>
        inbound.CreateReply(reply.Text) with
        {
            TextFormat = "markdown",
            InputHint = reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
            Attachments = attachments,
            AttachmentLayout = layout,
            Summary = reply.Text is null && reply.Summary is { } s ? s.Title : null,
        };

    private static Attachment HeroCard(ArticleCard article)
    {
        var content = new JsonObject
        {
            ["title"] = article.Title,
            ["text"] = article.Summary,
            ["buttons"] = new JsonArray(new JsonObject { ["type"] = "openUrl", ["title"] = "Read the article", ["value"] = article.Url }),
            ["tap"] = new JsonObject { ["type"] = "openUrl", ["value"] = article.Url },
        };
        return new Attachment { ContentType = HeroCardContentType, Content = JsonSerializer.SerializeToElement(content, ChannelJsonContext.Default.JsonObject) };
    }
}
