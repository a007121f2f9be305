using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Helpdesk.Channels.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// The WebSocket stream of one conversation: authorised by the short-lived token in the stream
/// URL, it replays what was recorded after the URL's watermark (everything when it is empty),
/// then sends each new ActivitySet as a text frame, and an empty frame when idle so proxies keep
/// the socket open. What the client sends (DirectLineJS pings with empty frames) is ignored.
/// </summary>
internal static class DirectLineStream
{
    public static async Task RunAsync(HttpContext http, string conversationId)
    {
        var server = http.RequestServices.GetRequiredService<DirectLineServer>();
        var streams = http.RequestServices.GetRequiredService<ConversationStreams>();

        var check = await server.Tokens.CheckStreamAsync(http.Request.Query["t"].ToString());
        var refusal = !check.IsValid
            ? (check.Problem == TokenProblem.Expired ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized)
            : !check.Grants(conversationId) ? StatusCodes.Status403Forbidden
            : !http.WebSockets.IsWebSocketRequest ? StatusCodes.Status400BadRequest
            : !DirectLineEndpoints.TryReadWatermark(http.Request.Query["watermark"].ToString(), out _) ? StatusCodes.Status400BadRequest
            : 0;
        if (refusal != 0)
        {
            http.Response.StatusCode = refusal;
            return;
        }

        DirectLineEndpoints.TryReadWatermark(http.Request.Query["watermark"].ToString(), out var watermark);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var stream = streams.Open(conversationId);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stream.Collided);
        var receiving = ReceiveUntilClosedAsync(socket, sending, http.RequestAborted);

        try
        {
            await SendAsync(socket, server, conversationId, watermark, stream, server.Options.KeepAlive, sending.Token);
        }
        catch (OperationCanceledException)
        {
            // The client left, or a newer stream took over; the close below says which.
        }
        catch (WebSocketException)
        {
            return;
        }

        await CloseAsync(socket, stream.Collided.IsCancellationRequested ? "collision" : "done");
        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            socket.Abort();
        }
    }

    private static async Task SendAsync(WebSocket socket, DirectLineServer server, string conversationId, long? watermark, StreamSubscriber stream, TimeSpan keepAlive, CancellationToken cancellationToken)
    {
        // Subscribed before the replay, so nothing recorded in between is missed; the sequence check drops doubles.
        var sent = await CatchUpAsync(socket, server, conversationId, watermark ?? 0, cancellationToken);

        while (!cancellationToken.IsCancellationRequested)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(keepAlive);
            bool hasMore;
            try
            {
                hasMore = await stream.Pending.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                continue;
            }

            if (!hasMore) return;
            while (stream.Pending.TryRead(out var activities))
            {
                sent = activities.Count == 0
                    ? await CatchUpAsync(socket, server, conversationId, sent, cancellationToken)
                    : await SendSetAsync(socket, activities, sent, cancellationToken);
            }
        }
    }

    /// <summary>Sends what the log holds after <paramref name="sent"/>, page by page.</summary>
    private static async Task<long> CatchUpAsync(WebSocket socket, DirectLineServer server, string conversationId, long sent, CancellationToken cancellationToken)
    {
        IReadOnlyList<LoggedActivity> page;
        do
        {
            page = await server.ReadAsync(conversationId, sent, cancellationToken);
            sent = await SendSetAsync(socket, page, sent, cancellationToken);
        }
        while (page.Count > 0);
        return sent;
    }

    private static async Task<long> SendSetAsync(WebSocket socket, IReadOnlyList<LoggedActivity> activities, long sent, CancellationToken cancellationToken)
    {
        var fresh = activities.Where(a => a.Sequence > sent).ToList();
        if (fresh.Count == 0) return sent;
        var last = fresh[^1].Sequence;
        var set = new ActivitySet([.. fresh.Select(a => a.Activity)], last.ToString(CultureInfo.InvariantCulture));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(set, ChannelJson.Info<ActivitySet>());
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return last;
    }

    /// <summary>Reads (and ignores) what the client sends until it closes; then stops the sender.
    /// Not cancelled by a collision: cancelling a pending receive would abort the socket before the
    /// "collision" close frame could be sent.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource sending, CancellationToken aborted)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var frame = await socket.ReceiveAsync(buffer, aborted);
                if (frame.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The connection is gone; nothing more to read.
        }
        finally
        {
            if (!sending.IsCancellationRequested) await sending.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client is gone already.
        }
    }
}
