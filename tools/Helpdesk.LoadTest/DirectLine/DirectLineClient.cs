using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Helpdesk.LoadTest.DirectLine;

/// <summary>
/// The calls Web Chat makes over Direct Line 3.0 polling, each timed. A refused or failed request
/// throws <see cref="HttpRequestException"/> (with the status when there was one); a body that is
/// not the expected JSON throws <see cref="JsonException"/>.
/// </summary>
internal sealed class DirectLineClient(HttpClient http, Uri server)
{
    private const string Locale = "en-GB";

    // Long enough to show what the server said, short enough to keep one error on one line.
    private const int BodyExcerptLength = 200;

    private static readonly DirectLineJsonContext Json = DirectLineJsonContext.Default;

    /// <summary>Asks the chat page's session endpoint for a token naming a new conversation and user.</summary>
    public async Task<Timed<ConversationHandle>> CreateSessionAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "api/chat/session"));
        var session = await SendAsync(request, Json.SessionResponse, cancellationToken);
        return session.Value is { Token: { Length: > 0 } token, ConversationId: { Length: > 0 } id, UserId: { Length: > 0 } user }
            ? new Timed<ConversationHandle>(new ConversationHandle(id, token, user), session.Elapsed)
            : throw new JsonException("The session response lacks a token, conversationId or userId.");
    }

    /// <summary>Starts the session's conversation, which makes the bot post its greeting.</summary>
    public async Task<Timed<ConversationHandle>> StartConversationAsync(ConversationHandle session, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, "v3/directline/conversations", session.Token);
        request.Content = JsonContent.Create(new StartConversationRequest(new Account(session.UserId), Locale), Json.StartConversationRequest);
        var started = await SendAsync(request, Json.ConversationResponse, cancellationToken);

        // Direct Line may hand back a fresh token; keep using the old one when it does not.
        var handle = session with
        {
            Id = started.Value.ConversationId is { Length: > 0 } id ? id : session.Id,
            Token = started.Value.Token is { Length: > 0 } token ? token : session.Token,
        };
        return new Timed<ConversationHandle>(handle, started.Elapsed);
    }

    /// <summary>Posts what the customer typed; the server answers once the bot has handled the turn.</summary>
    public async Task<Timed<ResourceResponse>> PostMessageAsync(ConversationHandle conversation, string text, string clientActivityId,
        CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, ActivitiesPath(conversation), conversation.Token);
        var message = new OutgoingMessage("message", new Account(conversation.UserId, "user"), text, Locale, new ClientChannelData(clientActivityId));
        request.Content = JsonContent.Create(message, Json.OutgoingMessage);
        return await SendAsync(request, Json.ResourceResponse, cancellationToken);
    }

    /// <summary>The activities recorded after <paramref name="watermark"/> (all of them when it is null).</summary>
    public async Task<Timed<ActivitySet>> GetActivitiesAsync(ConversationHandle conversation, string? watermark, CancellationToken cancellationToken)
    {
        var path = watermark is null ? ActivitiesPath(conversation) : $"{ActivitiesPath(conversation)}?watermark={Uri.EscapeDataString(watermark)}";
        using var request = Authorized(HttpMethod.Get, path, conversation.Token);
        return await SendAsync(request, Json.ActivitySet, cancellationToken);
    }

    private static string ActivitiesPath(ConversationHandle conversation) =>
        $"v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}/activities";

    private HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, new Uri(server, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<Timed<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // The default completion option buffers the whole body, so the time includes reading it.
        using var response = await http.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var excerpt = body.Length > BodyExcerptLength ? body[..BodyExcerptLength] + "…" : body;
            throw new HttpRequestException(HttpRequestError.Unknown,
                string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}: {excerpt.ReplaceLineEndings(" ")}"),
                null, response.StatusCode);
        }

        var value = await response.Content.ReadFromJsonAsync(type, cancellationToken)
                    ?? throw new JsonException("The response body is empty.");
        return new Timed<T>(value, elapsed);
    }
}
