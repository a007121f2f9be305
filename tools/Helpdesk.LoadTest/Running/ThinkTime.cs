namespace Helpdesk.LoadTest.Running;

/// <summary>How long a customer pauses: a random share of the mean think time, so customers do not move in lockstep.</summary>
internal sealed record ThinkTime(TimeSpan Mean)
{
    /// <summary>A pause of a random share (between the two factors) of the mean; nothing when it is zero.</summary>
    public Task PauseAsync(double from, double to, CancellationToken cancellationToken) =>
        Mean <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(Mean * (from + (Random.Shared.NextDouble() * (to - from))), cancellationToken);

    /// <summary>Customers arrive spread over one think time rather than all in the same millisecond.</summary>
    public Task ArriveAsync(CancellationToken cancellationToken) => PauseAsync(0.0, 1.0, cancellationToken);

    /// <summary>Before each message: between half and one and a half times the mean.</summary>
    public Task BeforeMessageAsync(CancellationToken cancellationToken) => PauseAsync(0.5, 1.5, cancellationToken);
}
