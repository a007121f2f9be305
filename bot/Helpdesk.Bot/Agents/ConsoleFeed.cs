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
internal sealed class ConsoleFeed(AgentPresence presence)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, Channel<CaseNotice>> _listeners = new();

    public void Publish(CaseNotice notice)
    {
        foreach (var listener in _listeners.Values) listener.Writer.TryWrite(notice);
    }

    public async Task StreamAsync(HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        var id = Guid.NewGuid();
        var notices = Channel.CreateBounded<CaseNotice>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _listeners[id] = notices;
        using var online = presence.Connect(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
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
                    var notice = await notices.Reader.ReadAsync(idle.Token);
                    await http.Response.WriteAsync($"event: case\ndata: {JsonSerializer.Serialize(notice, AgentJsonContext.Default.CaseNotice)}\n\n", cancellationToken);
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
        }
    }
}
