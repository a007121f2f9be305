using Helpdesk.Bot.Conversation;
using Helpdesk.Bot.Teams;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Bot.Connector;

/// <summary>The bot behind <c>/api/messages</c>: an agent's "Claim" on a handoff card in the agents'
/// Teams channel is an agent action; every other activity is a turn of the triage conversation.</summary>
internal sealed class ConnectorBot(TriageBot triage, AgentsChannelActions agentsChannel) : IDirectLineBot
{
    public Task<IReadOnlyList<Activity>> OnActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        agentsChannel.ClaimRequest(activity) is { } reference
            ? agentsChannel.ClaimAsync(activity, reference, cancellationToken)
            : triage.OnActivityAsync(activity, cancellationToken);
}
