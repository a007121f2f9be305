using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Routing;

/// <summary>A case's priority: the 0–100 score, the level on the priority matrix, and every factor's share.</summary>
public sealed record PriorityScore(double Score, Urgency Level, IReadOnlyList<ScoreReason> Reasons);

/// <summary>One factor of the score: how many of its points it earned, and why, in words an agent reads.</summary>
public sealed record ScoreReason(string Factor, double Points, double MaxPoints, string Explanation);
