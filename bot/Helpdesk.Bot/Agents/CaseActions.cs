using System.Security.Claims;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>Runs an agent action on a case; a reply is relayed to the customer's conversation, and a
/// resolution asks the customer for a 1–5 rating there.</summary>
internal sealed partial class CaseActions(ICaseStore cases, ICustomerChannel channel, RoutingConfiguration routing, TriagePrompts prompts, TimeProvider time, ILogger<CaseActions> logger)
{
    private const string NothingWaiting = "No case is waiting in your queues.";
    private readonly string[] _queues = [.. routing.Queues.Select(q => q.Id)];

    /// <summary>Claims one case, or with no reference the most urgent waiting case of the agent's
    /// queues — refused while the agent already owns as many open cases as their capacity.</summary>
    public async Task<IResult> ClaimAsync(string? reference, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agentId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var role = Enum.Parse<AgentRole>(user.FindFirstValue(ClaimTypes.Role)!, ignoreCase: true);
        var result = await ClaimForAsync(agentId, role, reference, cancellationToken);
        if (result.Decision.Accepted) return await RelayAsync(result, new CaseAction.Claim(agentId), cancellationToken);
        var missing = result.Decision.Refusal == NothingWaiting || (reference is not null && result.Case is null);
        return CaseApiEndpoints.Error(missing ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, result.Decision.Refusal!);
    }

    /// <summary>The claim itself, wherever the agent clicked (the console, a Teams card): within capacity,
    /// one case or the most urgent waiting one of the agent's queues.</summary>
    public async Task<CaseActionResult> ClaimForAsync(string agentId, AgentRole role, string? reference, CancellationToken cancellationToken)
    {
        var rostered = routing.Agent(agentId);
        var open = (await cases.CountOpenByOwnerAsync(cancellationToken)).GetValueOrDefault(agentId);
        if (TeamLoad.RefuseMoreWork(rostered, role, open) is { } refusal)
        {
            return new CaseActionResult(CaseDecision.Refuse(refusal), reference is null ? null : await cases.FindCaseAsync(reference.ToUpperInvariant(), cancellationToken));
        }

        if (reference is not null) return await cases.ActAsync(reference.ToUpperInvariant(), new CaseAction.Claim(agentId), time.GetUtcNow(), _queues, cancellationToken);
        return await cases.ClaimNextAsync(agentId, rostered?.Queues ?? _queues, time.GetUtcNow(), _queues, cancellationToken)
            ?? new CaseActionResult(CaseDecision.Refuse(NothingWaiting), null);
    }

    public async Task<IResult> ActAsync(string reference, CaseAction action, CancellationToken cancellationToken)
    {
        var result = await cases.ActAsync(reference.ToUpperInvariant(), action, time.GetUtcNow(), _queues, cancellationToken);
        return await RelayAsync(result, action, cancellationToken);
    }

    private async Task<IResult> RelayAsync(CaseActionResult result, CaseAction action, CancellationToken cancellationToken)
    {
        if (result.Case is null) return CaseApiEndpoints.Error(StatusCodes.Status404NotFound, result.Decision.Refusal!);
        if (!result.Decision.Accepted) return CaseApiEndpoints.Error(StatusCodes.Status409Conflict, result.Decision.Refusal!);

        // Recorded on the case either way; a conversation the channel no longer has is logged, not an error.
        var relayed = action switch
        {
            CaseAction.Reply reply => await channel.SendAsync(result.Case.ConversationId, reply.Agent,
                routing.Agent(reply.Agent)?.Name ?? reply.Agent, reply.Text, cancellationToken),
            CaseAction.Resolve => await channel.SendAsync(result.Case.ConversationId, null, null,
                TriagePrompts.Fill(prompts.AskRating, ("reference", result.Case.Reference)), cancellationToken),
            _ => true,
        };
        if (!relayed) LogNotRelayed(logger, result.Case.Reference, result.Case.ConversationId);

        return Results.Json(CaseViews.Detail(result.Case, routing, time.GetUtcNow()), AgentJsonContext.Default.CaseDetail);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "A message for case {Reference} could not reach conversation {ConversationId}")]
    private static partial void LogNotRelayed(ILogger logger, string reference, string conversationId);
}
