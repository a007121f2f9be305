using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Helpdesk.Channels.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.DirectLine;

/// <summary>The WebSocket stream over real Kestrel: replay, live delivery of echo and replies,
/// keep-alives, collisions, reconnect with a watermark and stale stream URLs.</summary>
public sealed class DirectLineStreamTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private DirectLineClient Client => bot.Client;

    [Fact]
    public async Task ASocketOpenedLate_ReplaysWhatWasRecorded_ThenStreamsEchoAndReplies()
    {
        var (conversationId, token) = await Client.SessionAsync();
        var streamUrl = (await Client.StartAsync(token)).GetProperty("streamUrl").GetString()!;

        using var socket = await DirectLineClient.ConnectAsync(streamUrl);
        using var patience = new CancellationTokenSource(Patience);
        var replay = await NextSetAsync(socket, patience.Token);
        Assert.Equal("bot", Assert.Single(replay.Activities).GetProperty("from").GetProperty("role").GetString());

        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, patience.Token);
        using var posted = await Client.PostMessageAsync(conversationId, token, "please refund my order", "streamed-1");
        var id = (await DirectLineClient.JsonAsync(posted)).GetProperty("id").GetString();

        var seen = new List<JsonElement>();
        while (!seen.Any(a => a.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id))
        {
            seen.AddRange((await NextSetAsync(socket, patience.Token)).Activities);
        }

        var echo = seen.First();
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("streamed-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public async Task AnIdleSocket_GetsEmptyKeepAliveFrames()
    {
        var (_, token) = await Client.SessionAsync();
        var streamUrl = (await Client.StartAsync(token)).GetProperty("streamUrl").GetString()!;
        using var socket = await DirectLineClient.ConnectAsync(streamUrl);
        using var patience = new CancellationTokenSource(Patience);

        await NextSetAsync(socket, patience.Token);

        Assert.Equal("", await DirectLineClient.ReceiveAsync(socket, patience.Token));
    }

    [Fact]
    public async Task ASecondSocket_ClosesTheFirstWithCollision()
    {
        var (conversationId, token) = await Client.SessionAsync();
        var streamUrl = (await Client.StartAsync(token)).GetProperty("streamUrl").GetString()!;
        using var patience = new CancellationTokenSource(Patience);
        using var first = await DirectLineClient.ConnectAsync(streamUrl);
        await NextSetAsync(first, patience.Token);

        using var second = await DirectLineClient.ConnectAsync(await ReconnectUrlAsync(conversationId, token, null));

        string frame;
        do
        {
            frame = await DirectLineClient.ReceiveAsync(first, patience.Token);
        }
        while (frame.Length == 0);
        Assert.Equal("<closed:collision>", frame);
        Assert.Single((await NextSetAsync(second, patience.Token)).Activities);
    }

    [Fact]
    public async Task Reconnect_WithAWatermark_ReplaysOnlyWhatCameAfter()
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);
        var watermark = (await Client.ActivitiesAsync(conversationId, token)).GetProperty("watermark").GetString();
        (await Client.PostMessageAsync(conversationId, token, "please refund my order", "after-watermark")).Dispose();

        using var socket = await DirectLineClient.ConnectAsync(await ReconnectUrlAsync(conversationId, token, watermark));
        using var patience = new CancellationTokenSource(Patience);
        var replay = await NextSetAsync(socket, patience.Token);

        Assert.Equal("after-watermark", replay.Activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public async Task AStaleStreamUrl_IsRefused()
    {
        var (conversationId, token) = await Client.SessionAsync();
        var streamUrl = (await Client.StartAsync(token)).GetProperty("streamUrl").GetString()!;
        var longAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-2));
        var stale = new DirectLineTokens(new DirectLineOptions { Secret = BotFactory.DirectLineSecret }, longAgo).IssueStream(conversationId, "dl_x").Token;

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineClient.ConnectAsync(streamUrl.Split("?t=")[0] + "?t=" + stale));
        var conversationToken = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineClient.ConnectAsync(streamUrl.Split("?t=")[0] + "?t=" + token));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Contains("401", conversationToken.Message, StringComparison.Ordinal);
    }

    private async Task<string> ReconnectUrlAsync(string conversationId, string token, string? watermark)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await DirectLineClient.JsonAsync(response)).GetProperty("streamUrl").GetString()!;
    }

    private static async Task<(List<JsonElement> Activities, string Watermark)> NextSetAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await DirectLineClient.ReceiveAsync(socket, cancellationToken);
            if (frame.Length == 0) continue;
            var set = JsonDocument.Parse(Encoding.UTF8.GetBytes(frame)).RootElement.Clone();
            return ([.. set.GetProperty("activities").EnumerateArray()], set.GetProperty("watermark").GetString()!);
        }
    }
}
