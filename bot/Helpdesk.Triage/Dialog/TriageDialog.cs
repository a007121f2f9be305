namespace Helpdesk.Triage.Dialog;

/// <summary>
/// The triage conversation as a pure function: the state so far and one turn in, the next state,
/// the replies and the case to create out. No clock, storage or network: the processor around it
/// does the effects, so every path is tested by calling <see cref="Step"/>.
/// </summary>
public static class TriageDialog
{
    public static TurnResult Step(TriageState state, TurnInput input, TriageContext context) =>
        new DialogTurn(state, input, context).Run();
}
