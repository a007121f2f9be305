using System.Globalization;
using System.Text.Json;
using Helpdesk.Channels.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0's REST surface under a base path (Web Chat's <c>domain</c>): tokens, start and
/// reconnect, post and get activities, and the WebSocket stream. Handlers are thin: check the
/// credential, call <see cref="DirectLineServer"/>, answer with Direct Line's shapes and statuses
/// (401 bad credential, 403 expired or another conversation, 404 unknown conversation, 413 too
/// large, 502 bot failure).
/// </summary>
public static class DirectLineEndpoints
{
    public const string DefaultBasePath = "/v3/directline";

    /// <summary>The CORS policy Direct Line routes use; <see cref="AddDirectLineCors"/> defines it.</summary>
    public const string CorsPolicy = "directline";

    /// <summary>Lets pages on other origins (a company site embedding Web Chat) call Direct Line with
    /// the headers DirectLineJS sends. No credentials: authorisation is the bearer token.</summary>
    public static IServiceCollection AddDirectLineCors(this IServiceCollection services) =>
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "x-requested-with")));

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string basePath = DefaultBasePath)
    {
        // Bearer tokens, never cookies: any page may call Direct Line, as with the hosted service.
        var group = endpoints.MapGroup(basePath).DisableAntiforgery().RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", RefreshAsync);
        group.MapPost("/conversations", (HttpContext http, DirectLineServer server, CancellationToken ct) => StartAsync(http, server, basePath, ct));
        group.MapGet("/conversations/{conversationId}", (HttpContext http, string conversationId, DirectLineServer server, CancellationToken ct) => ReconnectAsync(http, conversationId, server, basePath, ct));
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.Map("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);
        return endpoints;
    }

    private static async Task<IResult> GenerateAsync(HttpContext http, DirectLineServer server)
    {
        var grant = await GrantAsync(http, server);
        if (!grant.IsSecret) return Error(StatusCodes.Status401Unauthorized, "BadArgument", "Generating a token needs the Direct Line secret.");
        var request = await ReadTokenRequestAsync(http);
        var issued = server.NewConversation(request?.User?.Id);
        return Json(new ConversationInfo(issued.ConversationId, issued.Token, issued.ExpiresIn, null), StatusCodes.Status200OK);
    }

    private static async Task<IResult> RefreshAsync(HttpContext http, DirectLineServer server)
    {
        var grant = await GrantAsync(http, server);
        if (grant.IsSecret) return Error(StatusCodes.Status400BadRequest, "BadArgument", "Refresh a conversation token, not the secret.");
        if (Refused(grant) is { } refused) return refused;
        var issued = server.Tokens.Issue(grant.Token.ConversationId!, grant.Token.UserId!);
        return Json(new ConversationInfo(issued.ConversationId, issued.Token, issued.ExpiresIn, null), StatusCodes.Status200OK);
    }

    private static async Task<IResult> StartAsync(HttpContext http, DirectLineServer server, string basePath, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(http, server);
        if (Refused(grant) is { } refused) return refused;
        var request = await ReadTokenRequestAsync(http);

        var issued = grant.IsSecret ? server.NewConversation(request?.User?.Id) : null;
        var conversationId = issued?.ConversationId ?? grant.Token.ConversationId!;
        var userId = issued?.UserId ?? grant.Token.UserId!;
        var started = await server.StartAsync(conversationId, userId, request?.Locale, cancellationToken);

        var token = issued ?? server.Tokens.Issue(conversationId, userId);
        return Json(new ConversationInfo(conversationId, token.Token, token.ExpiresIn, StreamUrl(http, server, basePath, conversationId, userId, null)),
            started ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ReconnectAsync(HttpContext http, string conversationId, DirectLineServer server, string basePath, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(http, server);
        if (Refused(grant, conversationId) is { } refused) return refused;
        if (!await server.ExistsAsync(conversationId, cancellationToken)) return UnknownConversation();

        // A secret holder is not one user; its stream token still needs a subject.
        var userId = grant.Token.UserId ?? "dl_secret";
        var token = grant.IsSecret ? null : server.Tokens.Issue(conversationId, userId);
        var watermark = http.Request.Query["watermark"].ToString();
        return Json(new ConversationInfo(conversationId, token?.Token, token?.ExpiresIn, StreamUrl(http, server, basePath, conversationId, userId, watermark)), StatusCodes.Status200OK);
    }

    private static async Task<IResult> PostActivityAsync(HttpContext http, string conversationId, DirectLineServer server, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(http, server);
        if (Refused(grant, conversationId) is { } refused) return refused;
        if (!await server.ExistsAsync(conversationId, cancellationToken)) return UnknownConversation();

        var body = await ActivityBody.ReadAsync(http.Request, server.Options.MaxActivityBytes, cancellationToken);
        if (body.Problem is { } problem) return Error(problem.Status, problem.Code, problem.Message);

        try
        {
            var recorded = await server.PostAsync(conversationId, grant.Token.UserId ?? body.Activity!.From?.Id ?? "", body.Activity!, grant.IsSecret, cancellationToken);
            return Json(new ResourceResponse(recorded.Activity.Id!), StatusCodes.Status200OK);
        }
        catch (DirectLineBotException)
        {
            return Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity; it was recorded and can be sent again.");
        }
    }

    private static async Task<IResult> GetActivitiesAsync(HttpContext http, string conversationId, DirectLineServer server, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(http, server);
        if (Refused(grant, conversationId) is { } refused) return refused;
        if (!await server.ExistsAsync(conversationId, cancellationToken)) return UnknownConversation();
        if (!TryReadWatermark(http.Request.Query["watermark"].ToString(), out var watermark))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this server issued.");
        }

        var activities = await server.ReadAsync(conversationId, watermark, cancellationToken);
        var next = activities.Count > 0 ? activities[^1].Sequence : watermark ?? 0;
        return Json(new ActivitySet([.. activities.Select(a => a.Activity)], next.ToString(CultureInfo.InvariantCulture)), StatusCodes.Status200OK);
    }

    internal static bool TryReadWatermark(string? text, out long? watermark)
    {
        watermark = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        watermark = value;
        return true;
    }

    private static string StreamUrl(HttpContext http, DirectLineServer server, string basePath, string conversationId, string userId, string? watermark)
    {
        var request = http.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var token = server.Tokens.IssueStream(conversationId, userId).Token;
        var url = $"{scheme}://{request.Host}{request.PathBase}{basePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return string.IsNullOrEmpty(watermark) ? url : url + "&watermark=" + Uri.EscapeDataString(watermark);
    }

    private static Task<DirectLineGrant> GrantAsync(HttpContext http, DirectLineServer server) =>
        DirectLineGrant.FromAsync(http.Request.Headers.Authorization.ToString(), server.Options.Secret, server.Tokens);

    private static IResult? Refused(DirectLineGrant grant, string? conversationId = null)
    {
        if (!grant.IsValid)
        {
            return grant.Token.Problem == TokenProblem.Expired
                ? Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; start again or refresh before it ends.")
                : Error(StatusCodes.Status401Unauthorized, "BadArgument", "A valid Direct Line secret or token is required.");
        }

        return conversationId is null || grant.Allows(conversationId)
            ? null
            : Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");
    }

    private static async Task<TokenRequest?> ReadTokenRequestAsync(HttpContext http)
    {
        if (http.Request.ContentLength is null or 0 && http.Request.Headers.TransferEncoding.Count == 0) return null;
        try
        {
            return await JsonSerializer.DeserializeAsync(http.Request.Body, ChannelJsonContext.Default.TokenRequest, http.RequestAborted);
        }
        catch (JsonException)
        {
            // The body is optional and only names the user; a bad one is ignored as if absent.
            return null;
        }
    }

    private static IResult UnknownConversation() => Error(StatusCodes.Status404NotFound, "NotFound", "Conversation not found.");

    private static IResult Json<T>(T value, int status) =>
        Results.Json(value, ChannelJson.Info<T>(), statusCode: status);

    internal static IResult Error(int status, string code, string message) => Json(DirectLineError.Of(code, message), status);
}
