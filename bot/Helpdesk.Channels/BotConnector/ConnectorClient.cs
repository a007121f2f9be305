using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// Calls a channel's Connector REST API: reply, send, update, delete and create conversations, with
/// the bot's token, ids percent-encoded as path segments (Teams ids hold ':', ';', '@'), a 401 answered
/// by one forced token refresh and one retry, and 429/412/502/503/504 retried with growing delays that
/// honour Retry-After. Only trusted service URLs are called.
/// </summary>
public sealed class ConnectorClient(HttpClient http, BotTokenProvider tokens, ServiceUrlTrust trust, ConnectorRetryOptions retry, TimeProvider time)
{
    private static readonly HttpStatusCode[] Transient = [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>Worth another try later: throttled, a gateway error, or no answer at all (status 0).</summary>
    public static bool IsTransient(int status) => status == 0 || Transient.Contains((HttpStatusCode)status);

    /// <summary>Answers <paramref name="inbound"/>: the reply goes from its recipient to its sender, in its conversation.</summary>
    public Task<ResourceResponse> ReplyAsync(Activity inbound, Activity reply, CancellationToken cancellationToken)
    {
        var addressed = Address(inbound, reply);
        var path = inbound.Id is null
            ? $"v3/conversations/{Segment(inbound.Conversation!.Id)}/activities"
            : $"v3/conversations/{Segment(inbound.Conversation!.Id)}/activities/{Segment(inbound.Id)}";
        return SendForResourceAsync(HttpMethod.Post, inbound.ServiceUrl!, path, addressed, cancellationToken);
    }

    /// <summary>The reply as it answers <paramref name="inbound"/>: from its recipient to its sender, in its conversation.</summary>
    public static Activity Address(Activity inbound, Activity reply) => reply with
    {
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        ChannelId = inbound.ChannelId,
        ReplyToId = inbound.Id,
        Id = null,
        Timestamp = null,
        ServiceUrl = null,
    };

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities", activity with { Id = null, Timestamp = null, ServiceUrl = null }, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activity.Id!)}", activity, cancellationToken);

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        (await CallAsync(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}", null, cancellationToken)).Dispose();

    /// <summary>Starts a conversation (a proactive message): a Teams chat with a user, or a post in a channel.</summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", JsonSerializer.Serialize(parameters, ChannelJson.Info<ConversationParameters>()), cancellationToken);
        return await ReadAsync(response, ChannelJson.Info<ConversationResourceResponse>(), cancellationToken);
    }

    private async Task<ResourceResponse> SendForResourceAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(method, serviceUrl, path, ChannelJson.Serialize(activity), cancellationToken);
        return response.Content.Headers.ContentLength == 0 ? new ResourceResponse("") : await ReadAsync(response, ChannelJson.Info<ResourceResponse>(), cancellationToken);
    }

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string serviceUrl, string path, string? json, CancellationToken cancellationToken)
    {
        if (!trust.IsTrusted(serviceUrl)) throw new ConnectorException($"{serviceUrl} is neither proven by an inbound activity nor allowed; the bot's token is not sent there.", (int)HttpStatusCode.Forbidden);
        var target = new Uri(new Uri(ServiceUrlTrust.Normalize(serviceUrl)), path);
        string? refused = null;
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(refused, cancellationToken);
            using var request = new HttpRequestMessage(method, target);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (ConnectorException.IsUnreachable(e, cancellationToken))
            {
                // Like a gateway error: the channel may be back in a moment.
                if (attempt >= retry.MaxAttempts) throw new ConnectorException($"{method} {target} could not be reached: {e.Message}", 0);
                await Task.Delay(retry.DelayBefore(attempt + 1, null, time.GetUtcNow()), time, cancellationToken);
                continue;
            }

            if (response.IsSuccessStatusCode) return response;

            var status = response.StatusCode;
            var retryAfter = response.Headers.RetryAfter;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            if (status == HttpStatusCode.Unauthorized && refused is null)
            {
                refused = token; // once: a fresh token, then give up
                continue;
            }

            if (!Transient.Contains(status) || attempt >= retry.MaxAttempts)
            {
                throw new ConnectorException($"{method} {target} answered {(int)status}: {(body.Length > 300 ? body[..300] : body)}", (int)status);
            }

            await Task.Delay(retry.DelayBefore(attempt + 1, retryAfter, time.GetUtcNow()), time, cancellationToken);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(cancellationToken), info, cancellationToken)
                ?? throw new ConnectorException("The channel answered with an empty body.", (int)response.StatusCode);
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"The channel's answer is not the expected JSON: {e.Message}", (int)response.StatusCode);
        }
    }

    private static string Segment(string id) => Uri.EscapeDataString(id);
}
