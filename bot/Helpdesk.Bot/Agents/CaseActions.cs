using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>Runs an agent action on a case; a reply is relayed to the customer's conversation, and a
/// resolution asks the customer for a 1–5 rating there.</summary>
internal sealed partial class CaseActions(ICaseStore cases, ICustomerChannel channel, RoutingConfiguration routing, TriagePrompts prompts, TimeProvider time, ILogger<CaseActions> logger)
{
    private readonly string[] _queues = [.. routing.Queues.Select(q => q.Id)];

    public async Task<IResult> ActAsync(string reference, CaseAction action, CancellationToken cancellationToken)
    {
        var result = await cases.ActAsync(reference.ToUpperInvariant(), action, time.GetUtcNow(), _queues, cancellationToken);
        if (result.Case is null) return CaseApiEndpoints.Error(StatusCodes.Status404NotFound, result.Decision.Refusal!);
        if (!result.Decision.Accepted) return CaseApiEndpoints.Error(StatusCodes.Status409Conflict, result.Decision.Refusal!);

        // Recorded on the case either way; a conversation the channel no longer has is logged, not an error.
        var relayed = action switch
        {
            CaseAction.Reply reply => await channel.SendAsync(result.Case.ConversationId, reply.Agent,
                routing.Agents.FirstOrDefault(a => a.Id == reply.Agent)?.Name ?? reply.Agent, reply.Text, cancellationToken),
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
