using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Helpdesk.LoadTest.DirectLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// The three Microsoft services a bot on Azure Bot Service talks to, on one loopback listener:
/// the channel token issuer's OpenID metadata and keys, the identity platform's token endpoint, and
/// the Connector REST API the bot replies to. Every bot activity is recorded and handed to the
/// conversation waiting for it; a Connector call without a token from the token endpoint gets 401.
/// </summary>
internal sealed class ChannelServer : IAsyncDisposable
{
    // Kestrel's socket backlog is 512 by default; a thousand conversations' replies can arrive in one burst.
    private const int Backlog = 2048;

    private static readonly ConnectorJsonContext Json = ConnectorJsonContext.Default;

    private readonly WebApplication _app;
    private readonly BotAccessTokens _accessTokens;
    private readonly ConcurrentQueue<RecordedBotActivity> _recorded = new();
    private int _nextId;
    private int _unknown;
    private int _updates;
    private int _deletes;
    private int _badTokens;
    private int _unreadable;
    private int _tokenRequests;
    private int _refusedTokenRequests;

    private ChannelServer(ConnectorSettings settings)
    {
        Settings = settings;
        Issuer = new ChannelTokenIssuer(settings, TimeProvider.System);
        _accessTokens = new BotAccessTokens(settings);

        // No arguments, the tool's own folder as content root and no configuration sources: the listener must not
        // pick up the appsettings.json of the folder the tool is started from, nor Kestrel settings from the environment.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        // An empty source of its own, for the settings below (the listen address) to be written to.
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        // Warnings only, and on stderr: stdout is the report alone.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)
            // A failed start is reported by the tool in one line; the generic host's stack trace would only bury it.
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.UseSockets(options => options.Backlog = Backlog);
        builder.WebHost.UseKestrel(options =>
        {
            // Every conversation in flight may hold a connection of the host's while its replies come in; none may be
            // turned away or dropped for a slow body when two cores are busy with the host and this tool at once.
            options.Limits.MaxConcurrentConnections = null;
            options.Limits.MaxConcurrentUpgradedConnections = null;
            options.Limits.MinRequestBodyDataRate = null;
            options.Limits.MinResponseDataRate = null;
            options.AddServerHeader = false;
        });
        // Kestrel listens on a host and port; the address has no path (see ConnectorSettings.ParseListen).
        builder.WebHost.UseUrls(settings.Listen.GetLeftPart(UriPartial.Authority));
        _app = builder.Build();
        Map(_app);
    }

    public ConnectorSettings Settings { get; }

    /// <summary>Mints the channel tokens the conversations send with each activity.</summary>
    public ChannelTokenIssuer Issuer { get; }

    /// <summary>Where conversations wait for the bot's replies.</summary>
    public ReplyRegistry Replies { get; } = new();

    public static async Task<ChannelServer> StartAsync(ConnectorSettings settings, CancellationToken cancellationToken)
    {
        var server = new ChannelServer(settings);
        try
        {
            await server._app.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>What arrived so far, to report.</summary>
    public ConnectorTally Tally()
    {
        var recorded = _recorded.ToArray();
        return new ConnectorTally(
            recorded.Length,
            recorded.Count(r => r.IsMessage),
            Volatile.Read(ref _unknown),
            Volatile.Read(ref _updates),
            Volatile.Read(ref _deletes),
            Volatile.Read(ref _badTokens),
            Volatile.Read(ref _unreadable),
            Volatile.Read(ref _tokenRequests),
            Volatile.Read(ref _refusedTokenRequests));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Issuer.Dispose();
    }

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(Issuer.Metadata, Json.OpenIdConfiguration));
        app.MapGet("/" + ChannelTokenIssuer.KeysPath, () => Results.Json(Issuer.Keys, Json.PublishedKeySet));
        // Typed as a Func so that the IResult is written: taken as a plain RequestDelegate, it would be dropped.
        app.MapPost("/{tenant}/oauth2/v2.0/token", (Func<HttpContext, Task<IResult>>)IssueAccessTokenAsync);

        // Route values arrive percent-decoded (all but %2F, which no id of this run contains).
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}",
            (HttpContext http, string conversationId, string replyToId) => ReceiveAsync(http, conversationId, replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities",
            (HttpContext http, string conversationId) => ReceiveAsync(http, conversationId, null));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}",
            (HttpContext http, string activityId) => Acknowledge(http, activityId, ref _updates));
        app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}",
            (HttpContext http, string activityId) => Acknowledge(http, activityId, ref _deletes));
    }

    /// <summary>The client-credentials grant: the bot's app id and secret buy a bearer token for the Connector.</summary>
    private async Task<IResult> IssueAccessTokenAsync(HttpContext http)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (!http.Request.HasFormContentType) return Results.Json(new OAuthError("invalid_request"), Json.OAuthError, statusCode: StatusCodes.Status400BadRequest);

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new OAuthError("unsupported_grant_type"), Json.OAuthError, statusCode: StatusCodes.Status400BadRequest);
        }

        if (_accessTokens.Issue(form["client_id"], form["client_secret"]) is not { } token)
        {
            Interlocked.Increment(ref _refusedTokenRequests);
            return Results.Json(new OAuthError("invalid_client"), Json.OAuthError, statusCode: StatusCodes.Status401Unauthorized);
        }

        return Results.Json(new AccessTokenResponse("Bearer", BotAccessTokens.LifetimeSeconds, token), Json.AccessTokenResponse);
    }

    /// <summary>A reply (<paramref name="replyToId"/> from the path) or a message sent to the conversation: recorded, then handed on.</summary>
    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId, string? replyToId)
    {
        // When it arrived, before anything else: the turn latency ends here.
        var arrived = Stopwatch.GetTimestamp();
        if (!_accessTokens.Accepts(http.Request.Headers.Authorization)) return BadToken();

        BotActivity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(http.Request.Body, Json.BotActivity, http.RequestAborted);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null)
        {
            Interlocked.Increment(ref _unreadable);
            return Results.Text("The body is not an activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        Record(conversationId, activity, replyToId, arrived);
        return Results.Json(new ResourceResponse(NewId()), Json.ResourceResponse);
    }

    /// <summary>Records an activity the bot sent (through the Connector, or in the answer to an
    /// activity that expected replies) and hands a message on to whoever waits for it.</summary>
    public void Record(string conversationId, BotActivity activity, string? replyToId, long arrivedTimestamp)
    {
        var recorded = new RecordedBotActivity(conversationId, activity.Type, activity.Text, activity.Attachments?.Count ?? 0,
            activity.ReplyToId ?? replyToId, DateTimeOffset.UtcNow, arrivedTimestamp);
        _recorded.Enqueue(recorded);
        if (recorded.IsMessage && !Replies.Deliver(recorded)) Interlocked.Increment(ref _unknown);
    }

    /// <summary>An update or delete of an activity the bot sent: counted and accepted.</summary>
    private IResult Acknowledge(HttpContext http, string activityId, ref int count)
    {
        if (!_accessTokens.Accepts(http.Request.Headers.Authorization)) return BadToken();
        Interlocked.Increment(ref count);
        return Results.Json(new ResourceResponse(activityId), Json.ResourceResponse);
    }

    private IResult BadToken()
    {
        Interlocked.Increment(ref _badTokens);
        return Results.Text("The bearer token was not issued by this channel's token endpoint.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private string NewId() => "reply-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
