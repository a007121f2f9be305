using System.Diagnostics;

namespace Helpdesk.LoadTest.Running;

/// <summary>Runs a batch of conversations with a bound on how many are in flight at once.</summary>
internal static class LoadPhase
{
    /// <summary>Runs conversations <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public static async Task<PhaseResult> RunAsync(ConversationRunner runner, int first, int count, int concurrency,
        CancellationToken cancellationToken)
    {
        var results = new ConversationResult[count];
        var started = Stopwatch.GetTimestamp();
        // Cancellation reaches each conversation rather than the loop, so every slot gets a result
        // and a stopped run can still be reported.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency) },
            async (i, _) => results[i] = await runner.RunAsync(first + i, cancellationToken));
        return new PhaseResult(results, Stopwatch.GetElapsedTime(started));
    }
}
