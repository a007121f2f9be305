namespace Helpdesk.Triage.Metrics;

/// <summary>The service's figures, computed from recorded events only (bot messages never count as responses).</summary>
public sealed record MetricsReport(
    DateTimeOffset At,
    int Conversations,
    Rate SelfService,
    IReadOnlyDictionary<string, Rate> SelfServiceByIntent,
    Rate Handoff,
    IReadOnlyDictionary<string, int> HandoffReasons,
    int Cases,
    DurationFigures FirstResponse,
    DurationFigures TimeToAssignment,
    Rate Reassigned,
    Rate FirstResponseWithinTarget,
    Rate ResolvedWithinTarget,
    int Backlog,
    TimeSpan? OldestBacklog,
    TimeSpan? MedianBacklogAge,
    Rate Reopened,
    CsatFigures HumanCsat,
    CsatFigures BotCsat);

/// <summary>How long something took, over the cases where it happened.</summary>
public sealed record DurationFigures(int Count, TimeSpan? Median, TimeSpan? P90);

/// <summary>Customer ratings (1–5): how many, their mean, and the share of 4s and 5s.</summary>
public sealed record CsatFigures(int Ratings, double? Mean, Rate Satisfied);
