using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// Delivers activities to the bot's <c>POST /api/messages</c> as Azure Bot Service does, each with a
/// channel token, and times the round trip. Anything but 200 throws <see cref="HttpRequestException"/>
/// with the status: the host answers at once and runs the turn afterwards.
/// </summary>
internal sealed class BotMessagesClient(HttpClient http, Uri server, ChannelTokenIssuer tokens)
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
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode == HttpStatusCode.OK) return elapsed;

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var excerpt = body.Length > BodyExcerptLength ? body[..BodyExcerptLength] + "…" : body;
        throw new HttpRequestException(HttpRequestError.Unknown,
            string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}: {excerpt.ReplaceLineEndings(" ")}"),
            null, response.StatusCode);
    }
}
