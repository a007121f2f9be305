namespace Helpdesk.LoadTest.Running;

/// <summary>The conversations of one phase (warm-up or measured), the wall time it took and the most that were in flight at once.</summary>
internal sealed record PhaseResult(IReadOnlyList<ConversationResult> Conversations, TimeSpan Wall, int PeakInFlight);
