using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage.Metrics;

/// <summary>What analytics needs of one conversation: how it ended, why it went to a person, its intent, and how the customer rated self-service help.</summary>
public sealed record ConversationRecord(ConversationOutcome Outcome, HandoffReason? Reason, string? Intent, int? BotRating = null);
