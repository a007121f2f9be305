namespace Helpdesk.Triage.Routing;

/// <summary>The live load of every queue, for routing and expected waits.</summary>
public interface IQueueMonitor
{
    Task<IReadOnlyDictionary<string, QueueLoad>> LoadsAsync(CancellationToken cancellationToken);
}
