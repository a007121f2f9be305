namespace Helpdesk.Triage.Dialog;

/// <summary>What the engagement hub reports after the bot's <c>handoff.initiate</c>. Reports about a
/// conversation without a handed-off case are ignored: there is nothing a hub could have taken over.</summary>
internal sealed partial class DialogTurn
{
    private void FollowHandoffStatus(HandoffStatus status)
    {
        if (_state.Stage != TriageStage.HandedOff || _state.CaseReference is not { } reference) return;

        switch (status)
        {
            case HandoffStatus.Accepted:
                _state = _state with { HandoffAccepted = true };
                break;
            case HandoffStatus.Failed:
                // The case is still queued for our own agents, so the customer keeps that route and may add another.
                _state = _state with { HandoffAccepted = false };
                var facts = _state.Facts;
                Say(TriagePrompts.Fill(Prompts.HandoffFailed, ("reference", reference), ("via", Via(Callback(facts), facts))));
                break;
            case HandoffStatus.Completed:
                // The person has finished with the customer; what they write next is a new request.
                ForgetTheCase();
                break;
        }
    }
}
