namespace Helpdesk.Triage.Routing;

/// <summary>How long a new case will wait for a person, from the queue's depth and capacity.</summary>
public static class ExpectedWait
{
    /// <summary>Zero when an agent is free; otherwise the cases ahead shared across the online
    /// capacity, one average handle time each. Null when nobody is online: there is no honest estimate,
    /// so the customer is told the response target instead.</summary>
    public static TimeSpan? Estimate(QueueLoad load, TimeSpan averageHandleTime)
    {
        if (load.AgentsOnline == 0 || load.Capacity <= 0) return null;
        var ahead = load.Waiting;
        if (ahead < load.FreeCapacity) return TimeSpan.Zero;
        return averageHandleTime * ((ahead - load.FreeCapacity + 1) / (double)load.Capacity);
    }
}
