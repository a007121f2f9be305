using System.Text.Json;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// The bot's access token for calling channels: requested with client credentials, kept until less
/// than five minutes of it remain, refreshed by one caller while the others wait for the same token.
/// </summary>
public sealed class BotTokenProvider(HttpClient http, ChannelAuthOptions bot, BotTokenOptions credentials, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    /// <param name="stale">A token the channel refused: a new one is requested unless another caller already replaced it.</param>
    public async Task<string> GetAsync(string? stale, CancellationToken cancellationToken)
    {
        if (Usable(stale) is { } token) return token;
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (Usable(stale) is { } refreshed) return refreshed;
            _current = await RequestAsync(cancellationToken);
            return _current.Value.Token;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    private string? Usable(string? stale) =>
        _current is { } current && current.Token != stale && current.ExpiresAt - time.GetUtcNow() > RefreshMargin ? current.Token : null;

    private async Task<(string, DateTimeOffset)> RequestAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = bot.AppId,
            ["client_secret"] = credentials.ClientSecret,
            ["scope"] = credentials.Scope,
        });
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(credentials.TokenEndpoint(bot), form, cancellationToken);
        }
        catch (Exception e) when (ConnectorException.IsUnreachable(e, cancellationToken))
        {
            throw new ConnectorException($"The token endpoint could not be reached: {e.Message}", 0);
        }

        using var answered = response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new ConnectorException($"The token endpoint answered {(int)response.StatusCode}: {Shorten(body)}", (int)response.StatusCode);

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new ConnectorException("The token endpoint's answer is not JSON.", (int)response.StatusCode);
        }

        using var parsed = json;
        var root = json.RootElement;
        var token = root.TryGetProperty("access_token", out var accessToken) ? accessToken.GetString() : null;
        var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) ? seconds : 0;
        if (string.IsNullOrEmpty(token) || lifetime <= 0) throw new ConnectorException("The token endpoint's answer has no access_token and expires_in.", (int)response.StatusCode);
        return (token, time.GetUtcNow().AddSeconds(lifetime));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>A call to a channel or to the token endpoint failed for good; <see cref="Status"/> is 0 when
/// there was no answer at all (not reachable, or timed out), and 403 when the bot would not call there.</summary>
public sealed class ConnectorException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The network failed, or the call timed out without the caller having cancelled it.</summary>
    internal static bool IsUnreachable(Exception e, CancellationToken callerToken) =>
        e is HttpRequestException || (e is OperationCanceledException && !callerToken.IsCancellationRequested);
}
