using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Cases;

/// <summary>
/// The rules of working a case, as one pure function: one visible owner (claiming, or replying to
/// an unowned case, makes you the owner); a transfer puts the case back in a queue and counts a
/// reassignment; waiting states pause the SLA clock and resuming or resolving ends the pause; the
/// first agent reply is the first response (bot messages never count); resolving needs a
/// disposition; reopening counts. Anything else is refused with a reason an agent can act on.
/// </summary>
public static class CaseWorkflow
{
    public static CaseDecision Apply(CaseState state, CaseAction action, DateTimeOffset now, IReadOnlyCollection<string> queues)
    {
        if (!state.IsOpen && action is not (CaseAction.Reopen or CaseAction.Note or CaseAction.Tag))
        {
            return CaseDecision.Refuse($"The case is {state.Status.ToString().ToLowerInvariant()}; reopen it first.");
        }

        return action switch
        {
            CaseAction.Claim claim => Claim(state, claim, now),
            CaseAction.Reply reply => Reply(state, reply, now),
            CaseAction.Note note => string.IsNullOrWhiteSpace(note.Text)
                ? CaseDecision.Refuse("A note needs some text.")
                : Accept(state, now, CaseEventKinds.InternalNote, note.Agent, note.Text),
            CaseAction.Transfer transfer => Transfer(state, transfer, now, queues),
            CaseAction.Wait wait => Wait(state, wait, now),
            CaseAction.StopWaiting resume => Resume(state, resume, now),
            CaseAction.Resolve resolve => Resolve(state, resolve, now),
            CaseAction.Tag tag => Retag(state, tag, now),
            CaseAction.Reopen reopen => state.IsOpen
                ? CaseDecision.Refuse("The case is still open.")
                : Accept(state with { Status = state.Owner is null ? CaseStatus.Queued : CaseStatus.Assigned, ResolvedAt = null, Disposition = null, Reopened = state.Reopened + 1 }, now, CaseEventKinds.Reopened, reopen.Agent, null),
            _ => CaseDecision.Refuse("Unknown action."),
        };
    }

    private static CaseDecision Claim(CaseState state, CaseAction.Claim claim, DateTimeOffset now) =>
        state.Owner == claim.Agent
            ? CaseDecision.Refuse("You already own this case.")
            : state.Owner is not null
                ? CaseDecision.Refuse($"The case is owned by {state.Owner}; ask them or a supervisor to transfer it.")
                : Accept(state with { Owner = claim.Agent, Status = state.IsWaiting ? state.Status : CaseStatus.Assigned }, now, CaseEventKinds.Claimed, claim.Agent, null);

    private static CaseDecision Reply(CaseState state, CaseAction.Reply reply, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reply.Text)) return CaseDecision.Refuse("A reply needs some text.");
        if (state.Owner is not null && state.Owner != reply.Agent) return CaseDecision.Refuse($"The case is owned by {state.Owner}; only the owner replies.");
        var next = state with
        {
            Owner = reply.Agent,
            Status = state.IsWaiting ? state.Status : CaseStatus.Assigned,
            FirstResponseAt = state.FirstResponseAt ?? now,
        };
        return Accept(next, now, CaseEventKinds.AgentReply, reply.Agent, reply.Text);
    }

    private static CaseDecision Transfer(CaseState state, CaseAction.Transfer transfer, DateTimeOffset now, IReadOnlyCollection<string> queues)
    {
        if (!queues.Contains(transfer.Queue)) return CaseDecision.Refuse($"There is no queue '{transfer.Queue}'.");
        if (transfer.Queue == state.QueueId) return CaseDecision.Refuse("The case is already in that queue.");
        if (string.IsNullOrWhiteSpace(transfer.Reason)) return CaseDecision.Refuse("Say why the case is transferred; the next agent reads it.");
        var next = EndPause(state, now) with { QueueId = transfer.Queue, Owner = null, Status = CaseStatus.Queued, Reassignments = state.Reassignments + 1 };
        return Accept(next, now, CaseEventKinds.Transferred, transfer.Agent, $"to {transfer.Queue}: {transfer.Reason}");
    }

    private static CaseDecision Wait(CaseState state, CaseAction.Wait wait, DateTimeOffset now)
    {
        if (wait.Waiting is not (CaseStatus.WaitingOnCustomer or CaseStatus.WaitingOnThirdParty)) return CaseDecision.Refuse("Choose waiting on the customer or on a third party.");
        if (state.Owner != wait.Agent) return CaseDecision.Refuse("Claim the case before setting it to wait.");
        if (state.IsWaiting) return CaseDecision.Refuse("The case is already waiting.");
        var next = state with { Status = wait.Waiting, Pauses = [.. state.Pauses, new SlaPause(now, null)] };
        return Accept(next, now, CaseEventKinds.Waiting, wait.Agent, wait.Waiting == CaseStatus.WaitingOnCustomer ? "on the customer" : "on a third party");
    }

    private static CaseDecision Resume(CaseState state, CaseAction.StopWaiting resume, DateTimeOffset now) =>
        !state.IsWaiting
            ? CaseDecision.Refuse("The case is not waiting.")
            : Accept(EndPause(state, now) with { Status = state.Owner is null ? CaseStatus.Queued : CaseStatus.Assigned }, now, CaseEventKinds.StoppedWaiting, resume.Agent, null);

    private static CaseDecision Resolve(CaseState state, CaseAction.Resolve resolve, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(resolve.Disposition)) return CaseDecision.Refuse("Choose a disposition code.");
        if (state.Owner is not null && state.Owner != resolve.Agent) return CaseDecision.Refuse($"The case is owned by {state.Owner}.");
        var next = EndPause(state, now) with { Status = CaseStatus.Resolved, Owner = state.Owner ?? resolve.Agent, ResolvedAt = now, Disposition = resolve.Disposition };
        return Accept(next, now, CaseEventKinds.Resolved, resolve.Agent, resolve.Disposition);
    }

    private static CaseDecision Retag(CaseState state, CaseAction.Tag tag, DateTimeOffset now)
    {
        var add = tag.Add.Select(CaseTags.Normalize).ToList();
        var remove = tag.Remove.Select(CaseTags.Normalize).ToList();
        if (add.Concat(remove).Any(t => t is null))
        {
            return CaseDecision.Refuse($"Tags are 1–{CaseTags.MaxLength} letters, digits or dashes.");
        }

        List<string> tags = [.. state.Tags.Except(remove.OfType<string>(), StringComparer.Ordinal).Union(add.OfType<string>(), StringComparer.Ordinal)];
        if (tags.Count > CaseTags.MaxPerCase) return CaseDecision.Refuse($"A case has at most {CaseTags.MaxPerCase} tags.");
        var added = tags.Except(state.Tags, StringComparer.Ordinal).ToList();
        var removed = state.Tags.Except(tags, StringComparer.Ordinal).ToList();
        if (added.Count + removed.Count == 0) return CaseDecision.Refuse("The tags are already like that.");
        var change = string.Join(" ", added.Select(t => "+" + t).Concat(removed.Select(t => "-" + t)));
        return Accept(state with { Tags = tags }, now, CaseEventKinds.Tagged, tag.Agent, change);
    }

    private static CaseState EndPause(CaseState state, DateTimeOffset now) =>
        state.Pauses.Count > 0 && state.Pauses[^1].Until is null
            ? state with { Pauses = [.. state.Pauses.Take(state.Pauses.Count - 1), state.Pauses[^1] with { Until = now }] }
            : state;

    private static CaseDecision Accept(CaseState state, DateTimeOffset now, string kind, string agent, string? text) =>
        new(state, new CaseEvent(now, kind, agent, text), null);
}
