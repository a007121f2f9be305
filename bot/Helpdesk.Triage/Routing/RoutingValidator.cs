using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Routing;

/// <summary>Everything wrong with a routing configuration, in words that point at the place to fix.</summary>
public static class RoutingValidator
{
    public static IReadOnlyList<string> Problems(RoutingConfiguration routing)
    {
        var problems = new List<string>();
        CheckQueues(routing, problems);
        CheckAgents(routing, problems);
        CheckPriority(routing.Priority, problems);
        CheckEscalation(routing.Escalation, problems);
        if (routing.BusinessHours is { } hours) CheckHours(hours, problems);
        if (routing.AverageHandleTime <= TimeSpan.Zero) problems.Add("averageHandleTime must be positive");
        return problems;
    }

    private static void CheckQueues(RoutingConfiguration routing, List<string> problems)
    {
        var queues = routing.Queues;
        if (queues.Count == 0)
        {
            problems.Add("queues: at least one queue is needed");
            return;
        }

        var ids = queues.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < queues.Count; i++)
        {
            var queue = queues[i];
            var at = $"queues[{i}] ({queue.Id})";
            if (string.IsNullOrWhiteSpace(queue.Id)) problems.Add($"queues[{i}]: id is missing");
            if (queues.Take(i).Any(q => q.Id == queue.Id)) problems.Add($"{at}: the id is used by another queue");
            if (queue.OverflowTo is { } overflow && (!ids.Contains(overflow) || overflow == queue.Id)) problems.Add($"{at}: overflowTo '{overflow}' is not another queue");
            if (queue.OverflowAfter < 0) problems.Add($"{at}: overflowAfter must not be negative");
            foreach (var intent in queue.Intents.Where(intent => queues.Take(i).Any(q => q.Intents.Contains(intent))))
            {
                problems.Add($"{at}: intent '{intent}' is already served by queue '{queues.Take(i).First(q => q.Intents.Contains(intent)).Id}'");
            }
        }

        var defaults = queues.Count(q => q.IsDefault);
        if (defaults != 1) problems.Add($"queues: exactly one queue must be the default (isDefault), found {defaults}");
        if (queues.Count(q => q.IsEscalation) > 1) problems.Add("queues: at most one queue can take escalations (isEscalation)");
    }

    private static void CheckAgents(RoutingConfiguration routing, List<string> problems)
    {
        var queueIds = routing.Queues.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < routing.Agents.Count; i++)
        {
            var agent = routing.Agents[i];
            var at = $"agents[{i}] ({agent.Id})";
            if (string.IsNullOrWhiteSpace(agent.Id)) problems.Add($"agents[{i}]: id is missing");
            if (routing.Agents.Take(i).Any(a => a.Id == agent.Id)) problems.Add($"{at}: the id is used by another agent");
            if (agent.Capacity is < 1 or > 50) problems.Add($"{at}: capacity must be between 1 and 50");
            if (agent.TeamsAadObjectId is { } objectId && !Guid.TryParse(objectId, out _)) problems.Add($"{at}: teamsAadObjectId must be the user's Entra object id (a GUID)");
            if (agent.TeamsAadObjectId is not null && routing.Agents.Take(i).Any(a => string.Equals(a.TeamsAadObjectId, agent.TeamsAadObjectId, StringComparison.OrdinalIgnoreCase))) problems.Add($"{at}: teamsAadObjectId is used by another agent");
            foreach (var queue in agent.Queues.Where(q => !queueIds.Contains(q))) problems.Add($"{at}: queue '{queue}' does not exist");
        }
    }

    private static void CheckPriority(PriorityMatrix priority, List<string> problems)
    {
        foreach (var level in Enum.GetValues<Urgency>())
        {
            if (!priority.Targets.TryGetValue(level, out var targets))
            {
                problems.Add($"priority.targets: {Name(level)} is missing");
            }
            else if (targets.FirstResponse < TimeSpan.Zero || targets.Resolve <= TimeSpan.Zero || targets.FirstResponse > targets.Resolve)
            {
                problems.Add($"priority.targets.{Name(level)}: firstResponse must be at least 0 and no longer than resolve, resolve positive");
            }
        }

        var weights = priority.Weights;
        double[] all = [weights.Severity, weights.CustomerTier, weights.RevenueRisk, weights.WaitTime, weights.Sentiment, weights.ChannelUrgency, weights.Reassignments];
        if (all.Any(w => w < 0) || weights.Total <= 0) problems.Add("priority.weights: every weight must be 0 or more, and at least one positive");

        double? previous = null;
        foreach (var level in (ReadOnlySpan<Urgency>)[Urgency.Critical, Urgency.High, Urgency.Medium])
        {
            if (!priority.LevelThresholds.TryGetValue(level, out var from) || from is < 0 or > 100)
            {
                problems.Add($"priority.levelThresholds: {Name(level)} must be a score between 0 and 100");
                continue;
            }

            if (previous is { } higher && from >= higher) problems.Add($"priority.levelThresholds: {Name(level)} must be below the level above it");
            previous = from;
        }
    }

    private static void CheckEscalation(EscalationRules escalation, List<string> problems)
    {
        if (escalation.AtRiskFraction is <= 0 or > 1) problems.Add("escalation.atRiskFraction must be above 0 and at most 1");
        if (escalation.MaxReassignments < 0) problems.Add("escalation.maxReassignments must not be negative");
    }

    private static void CheckHours(BusinessHours hours, List<string> problems)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone, out _)) problems.Add($"businessHours.timeZone: '{hours.TimeZone}' is not a known time zone");
        if (hours.Days.Count == 0) problems.Add("businessHours.days: at least one day is needed");
        if (hours.Opens >= hours.Closes) problems.Add("businessHours: opens must be before closes");
    }

    private static string Name(Urgency level) => level.ToString().ToLowerInvariant();
}
