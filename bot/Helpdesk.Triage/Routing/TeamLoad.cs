namespace Helpdesk.Triage.Routing;

/// <summary>
/// How much each queue can take right now, from who is online and how many open cases each of them
/// already owns. An agent serves a queue when they are one of its members and hold one of its skills
/// (a queue without skills takes any member), so a rostered agent without the skill adds no capacity.
/// </summary>
public static class TeamLoad
{
    public static IReadOnlyDictionary<string, QueueLoad> Queues(
        RoutingConfiguration routing,
        IReadOnlyDictionary<string, int> waitingByQueue,
        IReadOnlySet<string> online,
        IReadOnlyDictionary<string, int> openByOwner) =>
        routing.Queues.ToDictionary(
            queue => queue.Id,
            queue =>
            {
                var serving = routing.Agents.Where(agent => online.Contains(agent.Id) && Serves(agent, queue)).ToList();
                return new QueueLoad(
                    queue.Id,
                    waitingByQueue.GetValueOrDefault(queue.Id),
                    serving.Count,
                    serving.Sum(agent => agent.Capacity),
                    serving.Sum(agent => FreeCapacity(agent, openByOwner.GetValueOrDefault(agent.Id))));
            },
            StringComparer.Ordinal);

    public static bool Serves(AgentDefinition agent, QueueDefinition queue) =>
        agent.Queues.Contains(queue.Id) && (queue.Skills.Count == 0 || queue.Skills.Any(agent.Skills.Contains));

    public static int FreeCapacity(AgentDefinition agent, int openCases) => Math.Max(0, agent.Capacity - openCases);

    /// <summary>Why this agent may not take another case, or null when they may. Supervisors and
    /// admins step in above their capacity when they choose to; agents work within theirs.</summary>
    public static string? RefuseMoreWork(AgentDefinition? agent, AgentRole role, int openCases) =>
        role == AgentRole.Agent && agent is not null && openCases >= agent.Capacity
            ? $"You already have {openCases} open cases and your capacity is {agent.Capacity}: resolve, hand back or transfer one first."
            : null;
}
