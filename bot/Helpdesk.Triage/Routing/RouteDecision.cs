namespace Helpdesk.Triage.Routing;

/// <summary>Where a case goes and why; <paramref name="Overflowed"/> when its own queue was saturated.</summary>
public sealed record RouteDecision(string QueueId, bool Overflowed, IReadOnlyList<string> Reasons);
