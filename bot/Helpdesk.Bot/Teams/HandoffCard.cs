using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Channels.Replies;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Bot.Teams;

/// <summary>
/// The card a case is posted with in the agents' Teams channel: who, what, how urgent and by when,
/// where it stands, with "Claim" while nobody has it (an Action.Submit that comes back to the bot as
/// the clicking agent) and "Open in console". Adaptive Card 1.5, which Teams renders; plain text only,
/// so nothing in it is markup.
/// </summary>
internal static class HandoffCard
{
    public const string ClaimAction = "claim";

    /// <summary>What the card shows that can change after it is posted: a card showing something else is out of date.</summary>
    public static string Shown(StoredCase handedOff) =>
        string.Create(CultureInfo.InvariantCulture, $"{handedOff.Status}|{handedOff.Work.Owner}|{handedOff.Escalations.Count}");

    /// <param name="ownerName">The owning agent's name, when the case has an owner.</param>
    public static Activity For(StoredCase handedOff, string consoleUrl, string? ownerName)
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
        Fact("Status", StatusLine(handedOff.Work, ownerName));

        var title = plan is null ? handedOff.Reference : string.Create(CultureInfo.InvariantCulture, $"{handedOff.Reference} · {plan.Priority.Level} ({plan.Priority.Score:0})");
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = Headline(handedOff.Work, handedOff.Escalations.Count > 0, title), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = handedOff.Details.Problem, ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
            ["actions"] = new JsonArray(
                [
                    .. Claimable(handedOff.Work) ? [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Claim", ["data"] = new JsonObject { ["action"] = ClaimAction, ["reference"] = handedOff.Reference } }] : Array.Empty<JsonNode>(),
                    new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in console", ["url"] = $"{consoleUrl.TrimEnd('/')}/agent#case={handedOff.Reference}" },
                ]),
        };
        return new Activity
        {
            Type = ActivityTypes.Message,
            Summary = $"{handedOff.Reference}: {handedOff.Details.Problem}",
            Attachments = [new Attachment { ContentType = AdaptiveCards.ContentType, Content = JsonSerializer.SerializeToElement(card, ChannelJson.Info<JsonObject>()) }],
        };
    }

    private static bool Claimable(CaseState work) => work.IsOpen && work.Owner is null;

    private static string Headline(CaseState work, bool escalated, string title) =>
        !work.IsOpen ? (work.Status == CaseStatus.Closed ? "Closed: " : "Resolved: ") + title
        : escalated ? "Escalated: " + title
        : title;

    private static string StatusLine(CaseState work, string? ownerName) => work switch
    {
        { IsOpen: false } => (work.Status == CaseStatus.Closed ? "Closed" : "Resolved") + (ownerName is null ? "" : " by " + ownerName),
        { Owner: null } => "Waiting for an agent",
        _ => "With " + (ownerName ?? work.Owner),
    };
}
