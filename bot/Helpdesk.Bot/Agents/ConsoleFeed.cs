using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>
/// The console's live feed: server-sent events, one <c>case</c> event per change (created, updated),
/// to every console connected to this host, plus a comment line every 15 s so proxies keep the
/// stream open. An open feed is also what makes its agent count as online. A console that falls behind drops the oldest notices; it refreshes on the next one anyway.
/// </summary>
internal sealed partial class ConsoleFeed(AgentPresence presence, ILogger<ConsoleFeed> logger)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, Channel<FeedMessage>> _listeners = new();

    public void Publish(CaseNotice notice) => Broadcast(new FeedMessage("case", JsonSerializer.Serialize(notice, AgentJsonContext.Default.CaseNotice)));

    /// <summary>An agent's console connected or went away: team and capacity views refresh.</summary>
    private void PublishPresence(string agentId) =>
        Broadcast(new FeedMessage("presence", JsonSerializer.Serialize(new PresenceNotice(agentId), AgentJsonContext.Default.PresenceNotice)));

    private void Broadcast(FeedMessage message)
    {
        foreach (var listener in _listeners.Values) listener.Writer.TryWrite(message);
    }

    public async Task StreamAsync(HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        var id = Guid.NewGuid();
        var notices = Channel.CreateBounded<FeedMessage>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _listeners[id] = notices;
        var agentId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var online = presence.Connect(agentId);
        await ReportPresenceAsync(cancellationToken);
        PublishPresence(agentId);
        try
        {
            await http.Response.WriteAsync(": connected\n\n", cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(KeepAlive);
                try
                {
                    var message = await notices.Reader.ReadAsync(idle.Token);
                    await http.Response.WriteAsync($"event: {message.Event}\ndata: {message.Data}\n\n", cancellationToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                }

                await http.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The console went away.
        }
        finally
        {
            _listeners.TryRemove(id, out _);
            online.Dispose();
            await ReportPresenceAsync(CancellationToken.None);
            PublishPresence(agentId);
        }
    }

    /// <summary>Other hosts learn at once who came or went here; the heartbeat repeats it anyway.</summary>
    private async Task ReportPresenceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await presence.ReportAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException e)
        {
            LogPresenceNotReported(logger, e.Message);
        }
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Agent presence could not be reported this time: {Problem}")]
    private static partial void LogPresenceNotReported(ILogger logger, string problem);
}

/// <summary>One server-sent event: its name and its JSON data.</summary>
internal sealed record FeedMessage(string Event, string Data);
