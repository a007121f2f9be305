namespace Helpdesk.Triage.Dialog;

/// <summary>What the classifier made of the problem: the label, its confidence, the runners-up,
/// and whether the customer confirmed it by picking it from "Did you mean …?".</summary>
public sealed record IntentGuess(string Label, double Confidence, IReadOnlyList<IntentChoice> Alternatives, bool Confirmed);

/// <summary>A runner-up intent with its confidence.</summary>
public sealed record IntentChoice(string Label, double Confidence);
