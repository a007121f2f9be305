namespace Helpdesk.Triage.Routing;

/// <summary>
/// Picks a case's queue: the one serving its intent (else the default queue); when that queue is
/// saturated — no free agent, and either nobody online or too many already waiting — the case
/// spills to the queue's generalist overflow queue, unless that one is saturated too.
/// </summary>
public static class QueueSelector
{
    public static RouteDecision Select(RoutingConfiguration routing, string? intent, Func<string, QueueLoad> loadOf)
    {
        var home = routing.Queues.FirstOrDefault(q => intent is not null && q.Intents.Contains(intent))
            ?? routing.Queues.First(q => q.IsDefault);
        var reasons = new List<string>
        {
            intent is not null && home.Intents.Contains(intent) ? $"{home.Name} serves {intent}" : $"{home.Name} is the default queue",
        };

        if (!IsSaturated(home, loadOf(home.Id)) || home.OverflowTo is null) return new RouteDecision(home.Id, false, reasons);

        var overflow = routing.Queue(home.OverflowTo);
        if (IsSaturated(overflow, loadOf(overflow.Id)))
        {
            reasons.Add($"{home.Name} is saturated, and so is {overflow.Name}: stays in {home.Name}");
            return new RouteDecision(home.Id, false, reasons);
        }

        reasons.Add($"{home.Name} is saturated: overflow to {overflow.Name}");
        return new RouteDecision(overflow.Id, true, reasons);
    }

    public static bool IsSaturated(QueueDefinition queue, QueueLoad load) =>
        load.FreeCapacity <= 0 && (load.AgentsOnline == 0 || load.Waiting >= queue.OverflowAfter);
}
