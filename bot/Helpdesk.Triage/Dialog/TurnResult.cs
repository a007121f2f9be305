using Helpdesk.Channels.Replies;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Triage.Dialog;

/// <summary>What one step decided: the next state, the replies, and the case to create (if any).
/// Replies may hold <see cref="CaseDraft.ReferencePlaceholder"/>, which the store's reference replaces.</summary>
public sealed record TurnResult(TriageState State, IReadOnlyList<BotReply> Replies, CaseDraft? NewCase = null, string? CaseNote = null);
