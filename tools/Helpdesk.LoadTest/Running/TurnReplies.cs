using Helpdesk.LoadTest.DirectLine;

namespace Helpdesk.LoadTest.Running;

/// <summary>Picks the bot's answer to one message out of the activities fetched after it.</summary>
internal static class TurnReplies
{
    /// <summary>
    /// The bot's messages after the echo of the customer's message (found by the id the server assigned
    /// or by its <c>clientActivityID</c>), or null when the echo is not there. Only messages count:
    /// a typing indicator alone is not an answer.
    /// </summary>
    public static IReadOnlyList<ReceivedActivity>? AfterEcho(IReadOnlyList<ReceivedActivity> activities, string? postedId,
        string clientActivityId, string userId)
    {
        var echo = -1;
        for (var i = 0; i < activities.Count && echo < 0; i++)
        {
            var activity = activities[i];
            if ((postedId is not null && activity.Id == postedId) || activity.ClientActivityId == clientActivityId) echo = i;
        }

        if (echo < 0) return null;
        return activities.Skip(echo + 1).Where(a => a.Type == "message" && IsFromBot(a, userId)).ToList();
    }

    private static bool IsFromBot(ReceivedActivity activity, string userId) => activity.From?.Role switch
    {
        "bot" => true,
        "user" => false,
        // Without a role, anything the customer did not send is the bot's.
        _ => activity.From?.Id != userId,
    };
}
