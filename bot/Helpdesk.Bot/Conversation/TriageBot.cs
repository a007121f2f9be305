using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Processing;

namespace Helpdesk.Bot.Conversation;

/// <summary>The bot behind our Direct Line: every activity is a turn of the triage conversation.</summary>
internal sealed class TriageBot(TurnProcessor processor) : IDirectLineBot
{
    public Task<IReadOnlyList<Activity>> OnActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        processor.ProcessAsync(activity, cancellationToken);
}
