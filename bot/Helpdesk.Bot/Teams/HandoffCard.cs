using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Channels.Replies;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Bot.Teams;

/// <summary>
/// The card a case is posted with in the agents' Teams channel: who, what, how urgent and by when,
/// with "Claim" (an Action.Submit that comes back to the bot as the clicking agent) and "Open in
/// console". Adaptive Card 1.5, which Teams renders; plain text only, so nothing in it is markup.
/// </summary>
internal static class HandoffCard
{
    public const string ClaimAction = "claim";

    public static Activity For(StoredCase handedOff, string kind, string consoleUrl)
    {
        var plan = handedOff.Plan;
        var facts = new JsonArray();
        void Fact(string title, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) facts.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }

        Fact("Customer", plan?.Customer is { } customer ? $"{customer.Name} ({customer.Company}, {customer.Tier})" : handedOff.Details.Facts.AccountId ?? handedOff.Details.Facts.Email);
        Fact("Intent", handedOff.Details.Intent is { } intent ? string.Create(CultureInfo.InvariantCulture, $"{intent.Label} ({intent.Confidence:P0})") : null);
        Fact("Why a person", handedOff.Details.Reason.ToString());
        Fact("Queue", plan?.QueueName);
        Fact("Respond by", plan?.FirstResponseDue?.ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Fact("Escalated", handedOff.Escalations.Count > 0 ? string.Join("; ", handedOff.Escalations) : null);

        var title = plan is null ? handedOff.Reference : string.Create(CultureInfo.InvariantCulture, $"{handedOff.Reference} · {plan.Priority.Level} ({plan.Priority.Score:0})");
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = kind == Triage.Outbox.OutboxEventKinds.CaseEscalated ? "Escalated: " + title : title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = handedOff.Details.Problem, ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
            ["actions"] = new JsonArray(
                new JsonObject { ["type"] = "Action.Submit", ["title"] = "Claim", ["data"] = new JsonObject { ["action"] = ClaimAction, ["reference"] = handedOff.Reference } },
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in console", ["url"] = $"{consoleUrl.TrimEnd('/')}/agent#case={handedOff.Reference}" }),
        };
        return new Activity
        {
            Type = ActivityTypes.Message,
            Summary = $"{handedOff.Reference}: {handedOff.Details.Problem}",
            Attachments = [new Attachment { ContentType = AdaptiveCards.ContentType, Content = JsonSerializer.SerializeToElement(card, ChannelJson.Info<JsonObject>()) }],
        };
    }
}
