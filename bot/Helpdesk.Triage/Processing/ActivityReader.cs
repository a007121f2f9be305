using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage.Processing;

/// <summary>What an inbound activity means to the dialog: the bot joining (welcome), a message
/// (typed text, or a card submit's choice read as the same text), an engagement hub's report on a
/// handoff, or nothing the dialog handles.</summary>
public static partial class ActivityReader
{
    public static TurnInput? Read(Activity activity, DateTimeOffset now)
    {
        var channel = activity.ChannelId ?? "unknown";
        var input = activity.Type switch
        {
            ActivityTypes.ConversationUpdate when BotWasAdded(activity) => TurnInput.Join(now, channel),
            ActivityTypes.Message when MessageText(activity) is { } text => TurnInput.Message(text, now, channel),
            ActivityTypes.Event when activity.Name == HandoffEventNames.Status => HandoffReport(activity, now, channel),
            ActivityTypes.InstallationUpdate when activity.Action is "remove" or "remove-upgrade" => TurnInput.Uninstall(now, channel),
            _ => null,
        };
        return input is null ? null : input with { ActivityId = activity.Id };
    }

    private static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id is not null && string.Equals(member.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true;

    private static string? MessageText(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text)) return Mention().Replace(activity.Text, " ").Trim();

        // A card submit carries its answer in value; a "choice" or "text" field reads like typing it.
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var field in (ReadOnlySpan<string>)["choice", "text", "action"])
            {
                if (value.TryGetProperty(field, out var answer) && answer.ValueKind == JsonValueKind.String) return answer.GetString();
            }
        }

        return activity.Value is { ValueKind: JsonValueKind.String } plain ? plain.GetString() : null;
    }

    /// <summary>A <c>handoff.status</c> event: <c>{ state, message? }</c>. Unknown states are ignored, as
    /// the protocol asks. Only a back end may report one: from a customer's client it could silence the
    /// bot, or make it talk over the person who has the chat.</summary>
    private static TurnInput? HandoffReport(Activity activity, DateTimeOffset now, string channel)
    {
        if (activity.CallerId != DirectLineServer.SecretHolderCallerId) return null;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        HandoffStatus? status = state.GetString() switch
        {
            "accepted" => HandoffStatus.Accepted,
            "failed" => HandoffStatus.Failed,
            "completed" => HandoffStatus.Completed,
            _ => null,
        };
        var explanation = value.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
        return status is { } reported ? TurnInput.HandoffReport(reported, explanation, now, channel) : null;
    }

    // Teams puts "<at>Bot name</at>" into the text of messages that mention the bot.
    [GeneratedRegex(@"<at>[^<]*</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
