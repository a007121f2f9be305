namespace Helpdesk.Triage.Dialog;

/// <summary>What the classifier made of the customer's problem in one turn, and what the dialog did
/// with it: acted on the intent, asked "Did you mean …?", or said it did not understand.</summary>
/// <param name="Intent">The classifier's best label (the out-of-scope class when that won).</param>
public sealed record Classification(string Intent, double Confidence, ClassificationDecision Decision);
