using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// Delivers activities to the bot's <c>POST /api/messages</c> as Azure Bot Service does, each with a
/// channel token, and times the round trip. Anything but 200 throws <see cref="HttpRequestException"/>
/// with the status. An activity sent with <c>deliveryMode: expectReplies</c> gets its replies in the
/// answer, which are handed to the channel as if they had arrived at its Connector when the answer did.
/// </summary>
internal sealed class BotMessagesClient(HttpClient http, Uri server, ChannelTokenIssuer tokens, ChannelServer channel)
{
    // Long enough to show what the server said, short enough to keep one error on one line.
    private const int BodyExcerptLength = 200;

    private readonly Uri _endpoint = new(server, "api/messages");

    public async Task<TimeSpan> PostAsync(ChannelActivity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Token());
        request.Content = JsonContent.Create(activity, ConnectorJsonContext.Default.ChannelActivity);
        var started = Stopwatch.GetTimestamp();
        // The default completion option buffers the whole body, so the time includes reading it.
        using var response = await http.SendAsync(request, cancellationToken);
        var answered = Stopwatch.GetTimestamp();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            if (activity.DeliveryMode is not null) await HandOnRepliesAsync(activity, response, answered, cancellationToken);
            return Stopwatch.GetElapsedTime(started, answered);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var excerpt = body.Length > BodyExcerptLength ? body[..BodyExcerptLength] + "…" : body;
        throw new HttpRequestException(HttpRequestError.Unknown,
            string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}: {excerpt.ReplaceLineEndings(" ")}"),
            null, response.StatusCode);
    }

    private async Task HandOnRepliesAsync(ChannelActivity activity, HttpResponseMessage response, long answered, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadFromJsonAsync(ConnectorJsonContext.Default.ExpectedRepliesBody, cancellationToken);
        foreach (var reply in body?.Activities ?? []) channel.Record(activity.Conversation.Id, reply, activity.Id, answered);
    }
}
