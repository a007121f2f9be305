using Helpdesk.Classifier.Model;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Dialog;

/// <summary>What the dialog consults but does not own: the classifier, the articles, the entity
/// extractor, the prompts and options, and what the processor looked up for this turn.</summary>
public sealed record TriageContext(
    IIntentClassifier Classifier,
    IArticleSuggester Articles,
    EntityExtractor Entities,
    TriagePrompts Prompts,
    TriageOptions Options)
{
    /// <summary>The case named in this message, when it belongs to this customer; null otherwise.</summary>
    public CaseStatusView? RequestedCase { get; init; }

    /// <summary>Where the case this turn creates goes and how fast. The processor plans it once the
    /// dialog has decided to create a case, then asks the dialog again with the plan in hand.</summary>
    public HandoffPlan? Plan { get; init; }

    /// <summary>The customer's open case on the same issue, which this turn's handoff joins instead of opening another.</summary>
    public string? JoiningCase { get; init; }

    /// <summary>The account the channel vouches for (a Teams user mapped in the customer directory):
    /// taken as the customer's account ID, so it is never asked for.</summary>
    public string? KnownAccountId { get; init; }

    /// <summary>How the conversation's case stands now, when it has one: an agent owns it (the bot
    /// stays silent and only records), or it was resolved (the bot takes the conversation back).</summary>
    public CaseHandling CaseHandling { get; init; }
}
