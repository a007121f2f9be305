using Helpdesk.Channels.Schema;

namespace Helpdesk.Triage.Cases;

/// <summary>
/// A case's transcript as Bot Framework message activities: for a handoff event in a conversation the
/// bot keeps no activity log of (a Bot Connector channel keeps the conversation; the case keeps what
/// was said), and for the <c>.transcript</c> file agents download. Agents' replies are on the bot's
/// side of the conversation, as the customer saw them.
/// </summary>
public static class CaseTranscript
{
    public static IReadOnlyList<Activity> Activities(StoredCase handedOff, ChannelAccount bot)
    {
        var user = new ChannelAccount { Id = handedOff.UserId, Role = "user" };
        var agent = new ChannelAccount { Id = "agent", Name = "Agent", Role = "bot" };
        var where = new ConversationAccount { Id = handedOff.ConversationId };
        return [.. handedOff.Transcript.Select((entry, index) => new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{handedOff.Reference}-{index + 1}",
            ChannelId = handedOff.Details.ChannelId,
            From = entry.Role switch { "user" => user, "agent" => agent, _ => bot },
            Recipient = entry.Role == "user" ? bot : user,
            Conversation = where,
            Timestamp = entry.At,
            Text = entry.Text,
        })];
    }
}
