using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Cases;

/// <summary>
/// Everything the agent needs, as the dialog hands it over: the problem, the intent with its
/// confidence and alternatives, the facts, the articles tried and the answers, the signals, why it
/// came to a person, and the channel. The store assigns the reference and adds the transcript.
/// </summary>
public sealed record CaseDraft(
    string Problem,
    IntentGuess? Intent,
    TriageFacts Facts,
    Urgency Urgency,
    IReadOnlyList<ArticleOffer> Articles,
    IReadOnlyList<string> Signals,
    HandoffReason Reason,
    string ChannelId)
{
    /// <summary>Stands for the case reference in reply texts until the store has assigned it.</summary>
    public const string ReferencePlaceholder = "{reference}";

    /// <summary>The channel's id of the activity the handoff answered, so the handoff event sent to the
    /// channel can point at it (<c>replyToId</c>); null when the channel gave none.</summary>
    public string? ActivityId { get; init; }
}
