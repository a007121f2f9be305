using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.Replies;

/// <summary>
/// The bot's Adaptive Cards, version 1.5 (the highest Teams renders). A choice is an
/// <c>Action.Submit</c> whose data is <c>{ "choice": title }</c>: the channel sends it back as a message
/// with that value, which the bot reads exactly like the title typed.
/// </summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    /// <summary>A summary: its title, its facts, and the choices that answer it as buttons.</summary>
    public static Attachment Summary(SummaryCard summary, IReadOnlyList<string> choices)
    {
        var facts = new JsonArray();
        foreach (var fact in summary.Facts) facts.Add(new JsonObject { ["title"] = fact.Label, ["value"] = fact.Value });
        return Card(
            [
                new JsonObject { ["type"] = "TextBlock", ["text"] = summary.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            ],
            choices);
    }

    /// <summary>An article offered: title, one-line summary, and the article's page on a button and on the card.</summary>
    public static Attachment Article(ArticleCard article)
    {
        var card = CardContent(
            [
                new JsonObject { ["type"] = "TextBlock", ["text"] = article.Title, ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = article.Summary, ["wrap"] = true, ["isSubtle"] = true },
            ],
            [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Read the article", ["url"] = article.Url }]);
        card["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = article.Url };
        return Attach(card);
    }

    /// <summary>Buttons alone, for a question whose text is the message itself.</summary>
    public static Attachment Choices(IReadOnlyList<string> choices) => Card([], choices);

    private static Attachment Card(IReadOnlyList<JsonNode> body, IReadOnlyList<string> choices) =>
        Attach(CardContent(body, [.. choices.Select(Submit)]));

    private static JsonObject Submit(string choice) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = choice,
        ["data"] = new JsonObject { ["choice"] = choice },
    };

    private static JsonObject CardContent(IReadOnlyList<JsonNode> body, IReadOnlyList<JsonNode> actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        if (actions.Count > 0) card["actions"] = new JsonArray([.. actions]);
        return card;
    }

    private static Attachment Attach(JsonObject card) =>
        new() { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card, ChannelJsonContext.Default.JsonObject) };
}
