namespace Helpdesk.Triage.Routing;

/// <summary>A queue right now: cases waiting, agents online for it, and their total and free capacity.</summary>
public sealed record QueueLoad(string QueueId, int Waiting, int AgentsOnline, int Capacity, int FreeCapacity)
{
    public static QueueLoad Empty(string queueId) => new(queueId, 0, 0, 0, 0);
}
