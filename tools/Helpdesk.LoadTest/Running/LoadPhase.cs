using System.Diagnostics;

namespace Helpdesk.LoadTest.Running;

/// <summary>Runs a batch of conversations with a bound on how many are in flight at once.</summary>
internal static class LoadPhase
{
    /// <summary>Runs conversations <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public static async Task<PhaseResult> RunAsync(IConversationRunner runner, int first, int count, int concurrency,
        CancellationToken cancellationToken)
    {
        var results = new ConversationResult[count];
        var inFlight = 0;
        var peak = 0;
        var started = Stopwatch.GetTimestamp();
        // Cancellation reaches each conversation rather than the loop, so every slot gets a result
        // and a stopped run can still be reported.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency) },
            async (i, _) =>
            {
                // The peak shows the concurrency the run reached, not just the bound it was given.
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref peak, now);
                try
                {
                    results[i] = await runner.RunAsync(first + i, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            });
        return new PhaseResult(results, Stopwatch.GetElapsedTime(started), peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
