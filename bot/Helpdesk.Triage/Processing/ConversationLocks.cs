namespace Helpdesk.Triage.Processing;

/// <summary>
/// Serialises the turns of one conversation within this process, in arrival order, while turns of
/// different conversations run in parallel. A fixed set of stripes keeps memory flat however many
/// conversations come and go; across processes, the store's version check does the same job.
/// </summary>
public sealed class ConversationLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes) stripe.Dispose();
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
