namespace Helpdesk.Triage.Outbox;

/// <summary>
/// The outbox seen from a dispatcher: each destination (a webhook, a console feed) gets every event
/// once, at least once, in order of the events, retrying on its own schedule until delivered or dead.
/// </summary>
public interface IOutbox
{
    /// <summary>Events this destination has not received yet and whose next attempt is due: new events
    /// after <paramref name="after"/> (the highest position the caller has already handled;
    /// <see cref="OutboxPosition.Start"/> to look at all), and retries whose time has come; in position order.</summary>
    Task<IReadOnlyList<(OutboxEvent Event, int Attempts)>> DueAsync(string destination, OutboxPosition after, DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Takes the event's next attempt for this destination until <paramref name="leaseUntil"/>; false when
    /// another instance already has it (or it is delivered or dead). Instances sharing one database
    /// thereby send each event once; one that dies mid-attempt leaves it to the others when the lease ends.</summary>
    Task<bool> ClaimAsync(long eventId, string destination, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    Task RecordAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The newest readable event's position (<see cref="OutboxPosition.Start"/> when there is none): where a
    /// feed that only wants what happens from now on starts.</summary>
    Task<OutboxPosition> LatestAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string destination, CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered event back in line for another round of attempts.</summary>
    Task<bool> RetryAsync(long eventId, string destination, DateTimeOffset now, CancellationToken cancellationToken);
}
