using System.Text.Json;
using Helpdesk.Channels.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// <c>POST /api/messages</c>, where Azure Bot Service (and Teams through it) delivers activities:
/// 401 without a valid channel token (nothing is processed), 400 for a body that is not an activity,
/// 413 when too large, 501 for invokes the bot does not handle, and otherwise 200 at once with the
/// turn queued; the replies go back through the Connector.
/// </summary>
public static class BotConnectorEndpoints
{
    public const string DefaultPath = "/api/messages";

    /// <summary>Activities are small; this bounds what an unauthenticated caller can make the bot read.</summary>
    private const int MaxActivityBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder endpoints, string path = DefaultPath)
    {
        endpoints.MapPost(path, ReceiveAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, ChannelAuthenticator authenticator, ChannelAuthOptions options, ServiceUrlTrust trust, ConnectorTurns turns, CancellationToken cancellationToken)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0 && !options.AllowUnauthenticated) return Error(StatusCodes.Status401Unauthorized, "No Authorization header.");

        var body = await ActivityBody.ReadAsync(http.Request, MaxActivityBytes, cancellationToken);
        if (body.Problem is { } problem) return Error(problem.Status, problem.Message);
        var activity = body.Activity!;
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return Error(StatusCodes.Status400BadRequest, "The activity has no absolute serviceUrl to reply to.");
        }

        var auth = await authenticator.AuthenticateAsync(authorization, activity.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!auth.Accepted) return Error(auth.Status, auth.Problem!);

        // A token's serviceurl claim vouches for where replies go; without a token (local development) only this machine does.
        if (auth.Identity is not null || serviceUrl.IsLoopback) trust.Prove(activity.ServiceUrl!);
        else return Error(StatusCodes.Status401Unauthorized, "Unauthenticated activities may only come from this machine.");

        if (activity.Type == ActivityTypes.Invoke) return Error(StatusCodes.Status501NotImplemented, $"The bot does not handle invoke '{activity.Name}'.");
        return turns.TryEnqueue(activity)
            ? Results.Ok()
            : Error(StatusCodes.Status503ServiceUnavailable, "The bot is too busy right now; send the activity again shortly.");
    }

    private static IResult Error(int status, string message) =>
        Results.Text(JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>> { ["error"] = new() { ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["message"] = message } }), "application/json", statusCode: status);
}
