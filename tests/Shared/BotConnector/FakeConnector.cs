using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.BotConnector;

/// <summary>
/// A channel on loopback speaking the Bot Connector's REST shape, with the identity platform's token
/// endpoint beside it: it issues tokens, accepts only the newest, records every call, and answers
/// with failures a test queues (status and Retry-After).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public const string ClientSecret = "a-client-secret";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private int _tokens;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The service URL activities carry, with its trailing slash.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Seconds each issued token lives.</summary>
    public int TokenLifetime { get; set; } = 3600;

    /// <summary>When set, every token is refused (a revoked app secret).</summary>
    public bool RefuseAllTokens { get; set; }

    public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public string? CurrentToken => _tokens == 0 ? null : "token-" + _tokens;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var connector = new FakeConnector(builder.Build());
        connector.Map();
        await connector._app.StartAsync();
        connector.ServiceUrl = connector._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return connector;
    }

    /// <summary>The next calls fail with these answers, in order.</summary>
    public void FailNext(int status, string? retryAfter = null, int times = 1)
    {
        for (var i = 0; i < times; i++) _failures.Enqueue((status, retryAfter));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map()
    {
        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(new TokenRequest(tenant, form["grant_type"]!, form["client_id"]!, form["scope"]!, form["client_secret"] == ClientSecret));
            if (form["client_secret"] != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            var token = "token-" + Interlocked.Increment(ref _tokens);
            return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = TokenLifetime, ["access_token"] = token });
        });
        _app.Map("/v3/conversations/{**rest}", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            Calls.Enqueue(new ConnectorCall(http.Request.Method, http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget, http.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow));
            if (RefuseAllTokens || http.Request.Headers.Authorization != "Bearer " + CurrentToken) return Results.StatusCode(401);
            if (_failures.TryDequeue(out var failure))
            {
                if (failure.RetryAfter is not null) http.Response.Headers.RetryAfter = failure.RetryAfter;
                return Results.Json(new { error = new { code = "Throttled", message = "try later" } }, statusCode: failure.Status);
            }

            if (http.Request.Method == "DELETE") return Results.Ok();
            var isNewConversation = http.Request.Path.Value!.TrimEnd('/') == "/v3/conversations";
            return Results.Text(JsonSerializer.Serialize(isNewConversation ? new Dictionary<string, string> { ["id"] = "a:new-conversation", ["activityId"] = "1" } : new Dictionary<string, string> { ["id"] = "activity-" + Calls.Count }), "application/json");
        });
    }
}

public sealed record TokenRequest(string Tenant, string GrantType, string ClientId, string Scope, bool SecretMatched);

/// <summary>One call to the fake channel: method, the path exactly as sent (still percent-encoded), the Authorization header and the body.</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, string Body, DateTimeOffset At);
