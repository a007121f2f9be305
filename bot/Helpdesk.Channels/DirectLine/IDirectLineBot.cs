using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.DirectLine;

/// <summary>The bot behind the self-hosted Direct Line: given an activity from the conversation,
/// the activities it answers with. Called in-process, in the order activities were recorded.</summary>
public interface IDirectLineBot
{
    Task<IReadOnlyList<Activity>> OnActivityAsync(Activity activity, CancellationToken cancellationToken);
}
