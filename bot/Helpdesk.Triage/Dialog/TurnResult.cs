using Helpdesk.Channels.Replies;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Triage.Dialog;

/// <summary>What one step decided: the next state, the replies, and the case to create (if any).
/// Replies may hold <see cref="CaseDraft.ReferencePlaceholder"/>, which the store's reference replaces.</summary>
/// <param name="Rating">A 1–5 satisfaction rating the customer gave after their case was resolved.</param>
/// <param name="Classified">What the classifier made of the problem, when this turn asked it.</param>
public sealed record TurnResult(TriageState State, IReadOnlyList<BotReply> Replies, CaseDraft? NewCase = null, string? CaseNote = null, int? Rating = null, Classification? Classified = null);
