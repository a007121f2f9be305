namespace Helpdesk.LoadTest.Running;

/// <summary>The conversations of one phase (warm-up or measured) and the wall time it took.</summary>
internal sealed record PhaseResult(IReadOnlyList<ConversationResult> Conversations, TimeSpan Wall);
