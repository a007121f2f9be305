using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Helpdesk.Bot.Tests.DirectLine;

/// <summary>A minimal Direct Line 3.0 client over real HTTP and WebSockets, speaking the wire
/// format as DirectLineJS does (raw JSON, so the tests see exactly what a client would).</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress!;

    public async Task<(string ConversationId, string Token)> SessionAsync()
    {
        using var response = await http.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        var session = await JsonAsync(response);
        return (session.GetProperty("conversationId").GetString()!, session.GetProperty("token").GetString()!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri("/v3/directline" + path, UriKind.Relative));
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    public async Task<JsonElement> StartAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Post, "/conversations", token, """{"user":{"id":"ignored"},"locale":"en-GB"}""");
        response.EnsureSuccessStatusCode();
        return await JsonAsync(response);
    }

    public Task<HttpResponseMessage> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null) =>
        SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            from = new { id = "someone-else", role = "user" },
            locale = "en-GB",
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        }));

    /// <summary>Posts an event as a back end does (with the secret as <paramref name="bearer"/>) or a page does (with its token).</summary>
    public Task<HttpResponseMessage> PostEventAsync(string conversationId, string bearer, string name, string valueJson) =>
        SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", bearer, JsonSerializer.Serialize(new
        {
            type = "event",
            name,
            value = JsonDocument.Parse(valueJson).RootElement,
            from = new { id = "engagement-hub" },
        }));

    /// <summary>The conversation's activities once one of them matches; asks again until then. Things the
    /// host does in the background (a handoff event) arrive a little after the request that caused them.</summary>
    public async Task<List<JsonElement>> WaitForAsync(string conversationId, string token, Func<JsonElement, bool> arrived, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<JsonElement> activities = [.. (await ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()];
            if (activities.Any(arrived)) return activities;
            await Task.Delay(50, cancellationToken);
        }
    }

    public static bool IsHandoffInitiation(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "event" && activity.TryGetProperty("name", out var name) && name.GetString() == "handoff.initiate";

    public async Task<JsonElement> ActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token);
        response.EnsureSuccessStatusCode();
        return await JsonAsync(response);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Opens the stream URL as a browser would (no headers, token in the URL).</summary>
    public static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return socket;
    }

    /// <summary>The next text frame; an empty string is a keep-alive.</summary>
    public static async Task<string> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, cancellationToken);
            if (frame.MessageType == WebSocketMessageType.Close) return "<closed:" + frame.CloseStatusDescription + ">";
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
