using System.Data.Common;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// Runs the turns that arrive on <c>/api/messages</c> after the request has been answered, so the
/// channel gets its 200 at once whatever the turn waits for, and sends the replies through the
/// Connector. Each activity is first written to the <see cref="ConnectorInbox"/>, so none is lost with
/// the host. One conversation's turns run one after another in the order they arrived; different
/// conversations run side by side, up to a bound, so a slow channel cannot tie up the whole host.
/// </summary>
public sealed partial class ConnectorTurns(
    IDirectLineBot bot,
    ConnectorClient connector,
    ConnectorInbox inbox,
    ServiceUrlTrust trust,
    TimeProvider time,
    ConnectorMetrics metrics,
    ILogger<ConnectorTurns> logger) : BackgroundService
{
    // Turns mostly wait (database, channel); this many at once keeps two cores busy without letting a
    // flood of conversations open more connections than the database pool holds.
    private const int MaxRunning = 64;

    // Past this many accepted turns waiting, the channel is asked to come back later rather than queue more.
    private const int MaxWaiting = 10_000;

    // A turn is seconds at most; an entry still leased after this belongs to a host that is gone.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(15);
    // Interrupted turns, and replies the channel would not take yet: after this many tries the entry goes.
    private const int MaxAttempts = 6;

    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _running = new(MaxRunning);
    private readonly Lock _gate = new();

    // Conversations with a turn running, each with the turns waiting behind it.
    private readonly Dictionary<string, Queue<InboxEntry>> _busy = new(StringComparer.Ordinal);
    private readonly HashSet<long> _held = [];
    private CancellationToken _stopping = CancellationToken.None;

    /// <summary>
    /// Writes the activity to the inbox and schedules its turn; false when too many turns are waiting
    /// (the channel should try again later). A database that cannot be written throws <see cref="DbException"/>.
    /// </summary>
    public async Task<bool> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_held.Count >= MaxWaiting) return false;
        }

        var now = time.GetUtcNow();
        var id = await inbox.AddAsync(activity, _owner, now, now + Lease, cancellationToken);
        Schedule(new InboxEntry(id, activity, 1));
        return true;
    }

    /// <summary>
    /// Runs the turn while the channel waits and returns its replies, addressed, instead of sending them
    /// (<c>deliveryMode: expectReplies</c>). The channel holds the activity until it has the answer, so
    /// it needs no inbox entry; its conversation's order is the channel's, which sends the next one after.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> RunForRepliesAsync(Activity activity, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return [.. (await bot.OnActivityAsync(activity, cancellationToken)).Select(reply => ConnectorClient.Address(activity, reply))];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTurnFailed(logger, e, activity.Conversation?.Id);
            throw;
        }
        finally
        {
            _running.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        metrics.Observe(Waiting);
        using var timer = new PeriodicTimer(SweepEvery, time);
        do
        {
            await TakeOverAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await inbox.ReleaseAsync(_owner, time.GetUtcNow(), cancellationToken);
        }
        catch (DbException e)
        {
            LogInboxUnavailable(logger, e.Message);
        }
    }

    /// <summary>Entries whose host stopped or vanished: this host runs them (its own, still waiting, it only re-leases).</summary>
    private async Task TakeOverAsync(CancellationToken stoppingToken)
    {
        try
        {
            var now = time.GetUtcNow();
            foreach (var entry in await inbox.TakeOverAsync(_owner, now, now + Lease, MaxWaiting, stoppingToken))
            {
                // Still waiting here behind a long queue: taking it over only renewed its lease.
                if (IsHeld(entry.Id)) continue;
                if (entry.Activity is not { } activity || entry.Attempts > MaxAttempts)
                {
                    LogAbandoned(logger, entry.Id, entry.Activity?.Conversation?.Id, entry.Attempts - 1);
                    await inbox.CompleteAsync(entry.Id, stoppingToken);
                    continue;
                }

                // It was authenticated when it was accepted, perhaps by a host that is gone.
                if (activity.ServiceUrl is { } serviceUrl) trust.Prove(serviceUrl);
                Schedule(entry);
            }
        }
        catch (DbException e)
        {
            LogInboxUnavailable(logger, e.Message);
        }
    }

    private void Schedule(InboxEntry entry)
    {
        var conversation = entry.Activity!.Conversation?.Id ?? "";
        lock (_gate)
        {
            if (!_held.Add(entry.Id)) return;
            if (_busy.TryGetValue(conversation, out var waiting))
            {
                waiting.Enqueue(entry);
                return;
            }

            _busy[conversation] = new Queue<InboxEntry>();
        }

        _ = Task.Run(() => RunConversationAsync(conversation, entry));
    }

    /// <summary>Runs the conversation's turns until none is waiting.</summary>
    private async Task RunConversationAsync(string conversation, InboxEntry first)
    {
        for (var entry = first; entry is not null; entry = Next(conversation))
        {
            await RunTurnAsync(entry);
        }
    }

    private InboxEntry? Next(string conversation)
    {
        lock (_gate)
        {
            var waiting = _busy[conversation];
            if (waiting.TryDequeue(out var next)) return next;
            _busy.Remove(conversation);
            return null;
        }
    }

    private async Task RunTurnAsync(InboxEntry entry)
    {
        var activity = entry.Activity!;
        var stopping = _stopping;
        IReadOnlyList<Activity>? replies = entry.Replies;
        var sent = entry.Sent;
        try
        {
            await _running.WaitAsync(stopping);
            try
            {
                // Replies kept from an earlier attempt are sent as they were: the turn has already run.
                replies ??= await bot.OnActivityAsync(activity, stopping);
                for (; sent < replies.Count; sent++) await connector.ReplyAsync(activity, replies[sent], stopping);
                metrics.Sent();
            }
            finally
            {
                _running.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the entry stays in the inbox for the next host to run.
            Forget(entry);
            return;
        }
        catch (ConnectorException e) when (replies is not null && ConnectorClient.IsTransient(e.Status) && entry.Attempts < MaxAttempts)
        {
            if (await PostponeAsync(entry, replies, sent, e)) return;
        }
        catch (ConnectorException e)
        {
            metrics.Failed();
            LogReplyFailed(logger, activity.Conversation?.Id, e.Status, e.Message);
        }
        catch (Exception e)
        {
            LogTurnFailed(logger, e, activity.Conversation?.Id);
        }

        // Done, well or not: a turn that failed is not run again (it could fail the same way for ever).
        try
        {
            await inbox.CompleteAsync(entry.Id, CancellationToken.None);
        }
        catch (DbException e)
        {
            // The entry comes back after its lease; the conversation skips an activity it has already seen.
            LogInboxUnavailable(logger, e.Message);
        }

        Forget(entry);
    }

    /// <summary>
    /// The channel could not take the replies for now: they wait in the inbox, and any host sends the
    /// rest later, waiting longer each time. False when even that could not be written down.
    /// </summary>
    private async Task<bool> PostponeAsync(InboxEntry entry, IReadOnlyList<Activity> replies, int sent, ConnectorException problem)
    {
        var retryAt = time.GetUtcNow() + ReplyRetryDelay(entry.Attempts);
        try
        {
            await inbox.PostponeAsync(entry.Id, replies, sent, retryAt, CancellationToken.None);
        }
        catch (DbException e)
        {
            LogInboxUnavailable(logger, e.Message);
            return false;
        }

        metrics.Postponed();
        LogRepliesPostponed(logger, entry.Activity!.Conversation?.Id, problem.Status, replies.Count - sent, retryAt);
        Forget(entry);
        return true;
    }

    /// <summary>30 s after the first failure, doubling each time up to 5 minutes: about twelve minutes in all.</summary>
    private static TimeSpan ReplyRetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(300, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private int Waiting()
    {
        lock (_gate) return _held.Count;
    }

    private bool IsHeld(long id)
    {
        lock (_gate) return _held.Contains(id);
    }

    private void Forget(InboxEntry entry)
    {
        lock (_gate) _held.Remove(entry.Id);
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "A reply in conversation {ConversationId} could not be delivered ({Status}): {Problem}")]
    private static partial void LogReplyFailed(ILogger logger, string? conversationId, int status, string problem);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "The turn in conversation {ConversationId} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? conversationId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "The Bot Connector inbox could not be read or written this time: {Problem}")]
    private static partial void LogInboxUnavailable(ILogger logger, string problem);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "The channel of conversation {ConversationId} is not taking replies ({Status}); {Count} kept for {RetryAt:O}")]
    private static partial void LogRepliesPostponed(ILogger logger, string? conversationId, int status, int count, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Inbox entry {EntryId} of conversation {ConversationId} dropped after {Attempts} interrupted attempts, or unreadable")]
    private static partial void LogAbandoned(ILogger logger, long entryId, string? conversationId, int attempts);
}
