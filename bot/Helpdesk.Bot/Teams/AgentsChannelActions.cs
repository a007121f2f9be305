using System.Text.Json;
using Helpdesk.Bot.Agents;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Teams;

/// <summary>
/// "Claim" pressed on a handoff card in the agents' Teams channel: Teams sends the card's data as a
/// message from the agent who pressed it, known by their Entra object id (<c>teamsAadObjectId</c> in
/// routing.json). The claim follows the console's rules (one owner, capacity) and the answer is
/// posted in the card's thread.
/// </summary>
internal sealed class AgentsChannelActions(CaseActions actions, RoutingConfiguration routing, IOptions<AgentsChannelOptions> options)
{
    /// <summary>The case a card submit from the agents' channel asks to claim, or null when the activity is something else.</summary>
    public string? ClaimRequest(Activity activity)
    {
        var channel = options.Value;
        if (!channel.IsEnabled || activity.Type != ActivityTypes.Message || activity.ChannelId != ChannelIds.Teams) return null;
        // A reply in a channel thread names the thread: "19:…@thread.tacv2;messageid=…".
        if (activity.Conversation?.Id is not { } conversation || !conversation.Split(';')[0].Equals(channel.ConversationId.Split(';')[0], StringComparison.Ordinal)) return null;
        return activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && action.GetString() == HandoffCard.ClaimAction
            && value.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.String
                ? reference.GetString()
                : null;
    }

    public async Task<IReadOnlyList<Activity>> ClaimAsync(Activity activity, string reference, CancellationToken cancellationToken)
    {
        var objectId = activity.From?.AadObjectId;
        var agent = routing.Agents.FirstOrDefault(a => objectId is not null && string.Equals(a.TeamsAadObjectId, objectId, StringComparison.OrdinalIgnoreCase));
        if (agent is null)
        {
            return [Say($"{activity.From?.Name ?? "You"}: your Teams account is not linked to an agent. An admin adds your Entra object id as teamsAadObjectId in routing.json.")];
        }

        var result = await actions.ClaimForAsync(agent.Id, agent.Role, reference, cancellationToken);
        return [Say(result.Decision.Accepted ? $"{agent.Name} claimed {reference}." : $"{agent.Name} could not claim {reference}: {result.Decision.Refusal}")];
    }

    private static Activity Say(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };
}
