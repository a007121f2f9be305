namespace Helpdesk.Triage.Dialog;

/// <summary>The confidence band a classification fell into, as the dialog acted on it.</summary>
public enum ClassificationDecision
{
    /// <summary>Sure enough to act on the intent (at least <see cref="TriageOptions.HighConfidence"/>).</summary>
    Acted,

    /// <summary>Fairly sure: asked "Did you mean …?" (at least <see cref="TriageOptions.MediumConfidence"/>).</summary>
    Asked,

    NotUnderstood,
}
