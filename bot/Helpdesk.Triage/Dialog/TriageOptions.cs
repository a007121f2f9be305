using System.ComponentModel.DataAnnotations;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Dialog;

/// <summary>The "Triage" configuration: confidence bands and the response targets promised to customers.</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>At or above this confidence the bot acts on the intent without asking.</summary>
    [Range(0.0, 1.0)] public double HighConfidence { get; set; } = 0.6;

    /// <summary>Between this and <see cref="HighConfidence"/> the bot asks "Did you mean …?"; below, it has not understood.</summary>
    [Range(0.0, 1.0)] public double MediumConfidence { get; set; } = 0.25;

    /// <summary>Where the article cards link to; the article id is appended.</summary>
    public string ArticleBaseUrl { get; set; } = "/kb/";

    /// <summary>The urgency a case gets when the customer skipped the question.</summary>
    public Urgency DefaultUrgency { get; set; } = Urgency.Medium;

    /// <summary>Longest message the dialog reads; the rest is kept in the transcript only.</summary>
    [Range(100, 100_000)] public int MaxMessageLength { get; set; } = 2_000;
}
