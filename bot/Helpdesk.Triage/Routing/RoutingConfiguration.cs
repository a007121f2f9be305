using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Routing;

/// <summary>
/// Everything an operator decides about where cases go and how fast: queues and the intents they
/// serve, agents and their capacity, the priority matrix and scoring weights, escalation and
/// business hours. Loaded from routing.json and validated as a whole by <see cref="RoutingFile"/>.
/// Defaults survive a file that leaves them out: the generated serializer passes every init-only
/// property to the initializer (null or zero when absent), so lists guard against null and
/// defaulted values are settable, which it only sets when present.
/// </summary>
public sealed record RoutingConfiguration
{
    public required IReadOnlyList<QueueDefinition> Queues { get; init; }

    public IReadOnlyList<AgentDefinition> Agents { get; init => field = value ?? []; } = [];

    public required PriorityMatrix Priority { get; init; }

    public required EscalationRules Escalation { get; init; }

    /// <summary>When set, SLA clocks only run inside these hours; otherwise they run around the clock.</summary>
    public BusinessHours? BusinessHours { get; init; }

    /// <summary>Average time an agent spends on one case, for expected-wait estimates.</summary>
    public TimeSpan AverageHandleTime { get; set; } = TimeSpan.FromMinutes(12);

    public QueueDefinition Queue(string id) => Queues.First(q => q.Id == id);

    /// <summary>The rostered agent with this id; null for accounts not on the roster (such as the first admin).</summary>
    public AgentDefinition? Agent(string id) => Agents.FirstOrDefault(a => a.Id == id);
}

/// <summary>A queue: the intents it serves, the skills its cases need, and where it spills when saturated.</summary>
public sealed record QueueDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Intents { get; init => field = value ?? []; } = [];

    public IReadOnlyList<string> Skills { get; init => field = value ?? []; } = [];

    /// <summary>The generalist queue that takes this queue's cases when it is saturated.</summary>
    public string? OverflowTo { get; init; }

    /// <summary>Waiting cases at which a queue with no free agent counts as saturated.</summary>
    public int OverflowAfter { get; set; } = 5;

    /// <summary>The queue for intents no other queue serves (exactly one).</summary>
    public bool IsDefault { get; init; }

    /// <summary>The supervisors' queue escalations go to (at most one).</summary>
    public bool IsEscalation { get; init; }
}

/// <summary>An agent: skills, the queues they work, how many cases at once, and their role.</summary>
public sealed record AgentDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Skills { get; init => field = value ?? []; } = [];

    public IReadOnlyList<string> Queues { get; init => field = value ?? []; } = [];

    public int Capacity { get; set; } = 3;

    public AgentRole Role { get; set; } = AgentRole.Agent;

    /// <summary>The agent's Microsoft Entra object id, so what they click on a handoff card in Teams acts as them.</summary>
    public string? TeamsAadObjectId { get; init; }
}

public enum AgentRole
{
    Agent,
    Supervisor,
    Admin,
}

/// <summary>The priority matrix: response and resolution targets per level, the scoring weights,
/// and the score at which each level starts.</summary>
public sealed record PriorityMatrix
{
    public required IReadOnlyDictionary<Urgency, SlaTargets> Targets { get; init; }

    public required ScoringWeights Weights { get; init; }

    /// <summary>Lowest score of each level above Low; a case's level is the higher of this and the customer's urgency.</summary>
    public required IReadOnlyDictionary<Urgency, double> LevelThresholds { get; init; }

    /// <summary>Monthly revenue (EUR) at which a customer's revenue counts fully towards revenue risk.</summary>
    public decimal HighRevenue { get; set; } = 1000m;

    /// <summary>A renewal within this many days puts revenue at risk.</summary>
    public int RenewalWindowDays { get; set; } = 30;
}

/// <summary>How soon a person first responds, and how soon the case is resolved.</summary>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolve);

/// <summary>Points each factor can add to the score (they need not sum to 100; the score is scaled to 0–100).</summary>
public sealed record ScoringWeights
{
    public double Severity { get; set; } = 40;
    public double CustomerTier { get; set; } = 15;
    public double RevenueRisk { get; set; } = 10;
    public double WaitTime { get; set; } = 10;
    public double Sentiment { get; set; } = 10;
    public double ChannelUrgency { get; set; } = 5;
    public double Reassignments { get; set; } = 10;

    public double Total => Severity + CustomerTier + RevenueRisk + WaitTime + Sentiment + ChannelUrgency + Reassignments;
}

/// <summary>When a case goes to the supervisors.</summary>
public sealed record EscalationRules
{
    /// <summary>More reassignments than this escalate (the case is bouncing).</summary>
    public int MaxReassignments { get; set; } = 2;

    /// <summary>Share of a target used up at which the SLA counts as at risk.</summary>
    public double AtRiskFraction { get; set; } = 0.8;

    public bool EscalateCritical { get; set; } = true;
}

/// <summary>Working hours in one time zone; SLA clocks stop outside them.</summary>
public sealed record BusinessHours
{
    public required string TimeZone { get; init; }

    public required IReadOnlyList<DayOfWeek> Days { get; init; }

    public required TimeOnly Opens { get; init; }

    public required TimeOnly Closes { get; init; }
}
