using System.Text.Json;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Triage.Handoff;

/// <summary>
/// The Bot Framework's <c>handoff.initiate</c> event for a case, shaped as botbuilder's EventFactory
/// shapes it: in the customer's conversation, answering the activity that asked for a person, with our
/// triage record as the value and the conversation so far attached as the Connector's Transcript
/// (<c>application/json</c>, named "Transcript"). Here it comes from the bot, which is the side of the
/// conversation that asks for the handoff.
/// </summary>
public static class HandoffInitiation
{
    public const string TranscriptContentType = "application/json";
    public const string TranscriptName = "Transcript";

    /// <summary>The transcript keeps the latest messages, as the case's own transcript does, so a very
    /// long chat cannot make an event of any size.</summary>
    public const int MaxTranscriptActivities = 500;

    /// <param name="conversation">The conversation's recorded activities, oldest first. Only messages
    /// go into the transcript: the hidden conversationUpdate and earlier events are not part of what was said.</param>
    /// <param name="bot">The bot's account on the channel.</param>
    public static Activity Create(StoredCase handedOff, IReadOnlyList<Activity> conversation, ChannelAccount bot)
    {
        var user = new ChannelAccount { Id = handedOff.UserId, Role = "user" };
        var where = new ConversationAccount { Id = handedOff.ConversationId };
        var said = conversation.Where(activity => activity.Type == ActivityTypes.Message).TakeLast(MaxTranscriptActivities).ToList();
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = HandoffEventNames.Initiate,
            ChannelId = handedOff.Details.ChannelId,
            From = bot,
            Recipient = user,
            Conversation = where,
            ReplyToId = handedOff.Details.ActivityId,
            RelatesTo = new ConversationReference
            {
                ActivityId = handedOff.Details.ActivityId,
                User = user,
                Bot = bot,
                Conversation = where,
                ChannelId = handedOff.Details.ChannelId,
            },
            Value = JsonSerializer.SerializeToElement(HandoffContext.Of(handedOff), TriageJsonContext.Default.HandoffContext),
            Attachments =
            [
                new Attachment
                {
                    ContentType = TranscriptContentType,
                    Name = TranscriptName,
                    Content = JsonSerializer.SerializeToElement(new Transcript { Activities = said }, ChannelJson.Info<Transcript>()),
                },
            ],
        };
    }
}
