using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.Replies;

/// <summary>
/// Turns channel-neutral replies into Bot Framework activities answering an inbound one: choices
/// become <c>imBack</c> suggested actions (every channel supports them; Teams has no
/// <c>postBack</c>), articles become hero cards in a carousel with an "open" button, and the
/// summary becomes an Adaptive Card 1.5 fact set (the highest version Teams renders).
/// </summary>
public static class ReplyRenderer
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    public static Activity Render(BotReply reply, Activity inbound)
    {
        var attachments = reply.Articles.Select(HeroCard).ToList();
        if (reply.Summary is { } summary) attachments.Add(AdaptiveSummary(summary));

        return inbound.CreateReply(reply.Text) with
        {
            TextFormat = "markdown",
            InputHint = reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
            Attachments = attachments,
            AttachmentLayout = reply.Articles.Count > 1 ? "carousel" : null,
            SuggestedActions = reply.Choices.Count == 0 ? null : new SuggestedActions
            {
                Actions = reply.Choices.Select(choice => new CardAction { Type = "imBack", Title = choice, Value = JsonSerializer.SerializeToElement(choice, ChannelJsonContext.Default.String) }).ToList(),
            },
            Summary = reply.Text is null && reply.Summary is { } s ? s.Title : null,
        };
    }

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

    private static Attachment AdaptiveSummary(SummaryCard summary)
    {
        var facts = new JsonArray();
        foreach (var fact in summary.Facts) facts.Add(new JsonObject { ["title"] = fact.Label, ["value"] = fact.Value });

        var content = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = summary.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
        };
        return new Attachment { ContentType = AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(content, ChannelJsonContext.Default.JsonObject) };
    }
}
