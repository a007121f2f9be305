using Helpdesk.Classifier.Model;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Dialog;

/// <summary>What the dialog consults but does not own: the classifier, the articles, the entity
/// extractor, the prompts and options, and — looked up before the step — the case a
/// "status HD-…" message asks about.</summary>
public sealed record TriageContext(
    IIntentClassifier Classifier,
    IArticleSuggester Articles,
    EntityExtractor Entities,
    TriagePrompts Prompts,
    TriageOptions Options)
{
    /// <summary>The case named in this message, when it belongs to this customer; null otherwise.</summary>
    public CaseStatusView? RequestedCase { get; init; }
}
