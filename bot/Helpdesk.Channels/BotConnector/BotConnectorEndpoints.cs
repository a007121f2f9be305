using System.Text.Json;
using Helpdesk.Channels.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// <c>POST /api/messages</c>, where Azure Bot Service (and Teams through it) delivers activities:
/// 401 without a valid channel token (nothing is processed), 400 for a body that is not an activity,
/// 413 when too large, 501 for invokes the bot does not handle (a handled one is answered in the
/// response), 503 when the activity cannot be taken in, and otherwise 200 once the activity is in the
/// inbox, before its turn runs; the replies go back through the Connector. An activity sent with
/// <c>deliveryMode: expectReplies</c> is answered with its replies in the response instead.
/// </summary>
public static class BotConnectorEndpoints
{
    public const string DefaultPath = "/api/messages";

    /// <summary>Activities are small; this bounds what an unauthenticated caller can make the bot read.</summary>
    private const int MaxActivityBytes = 256 * 1024;

    private const string HealthCheckInvoke = "healthCheck";

    // As the Bot Framework SDK answers it; the bot's own token is not echoed back.
    private const string HealthCheckResponse = """{"healthResults":{"success":true,"messages":["Health check succeeded."]}}""";

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

        if (activity.Type == ActivityTypes.Invoke) return Invoke(activity);
        if (activity.DeliveryMode == DeliveryModes.ExpectReplies) return await ExpectedRepliesAsync(activity, turns, cancellationToken);
        try
        {
            if (await turns.AcceptAsync(activity, cancellationToken)) return Results.Ok();
        }
        catch (System.Data.Common.DbException)
        {
            // Nothing was accepted; the channel may send it again.
        }

        http.Response.Headers.RetryAfter = "5";
        return Error(StatusCodes.Status503ServiceUnavailable, "The bot cannot take the activity right now; send it again shortly.");
    }

    private static async Task<IResult> ExpectedRepliesAsync(Activity activity, ConnectorTurns turns, CancellationToken cancellationToken)
    {
        try
        {
            var replies = await turns.RunForRepliesAsync(activity, cancellationToken);
            return Results.Text(JsonSerializer.Serialize(new ExpectedReplies { Activities = replies }, ChannelJson.Info<ExpectedReplies>()), "application/json");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Logged with the turn; the channel may send the activity again.
            return Error(StatusCodes.Status500InternalServerError, "The turn failed; send the activity again.");
        }
    }

    /// <summary>
    /// Invokes are answered in the response itself. The bot handles Azure Bot Service's
    /// <c>healthCheck</c>; anything else is 501, which tells the channel it is not supported.
    /// </summary>
    private static IResult Invoke(Activity activity) => activity.Name switch
    {
        HealthCheckInvoke => Results.Text(HealthCheckResponse, "application/json"),
        _ => Error(StatusCodes.Status501NotImplemented, $"The bot does not handle invoke '{activity.Name}'."),
    };

    private static IResult Error(int status, string message) =>
        Results.Text(JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>> { ["error"] = new() { ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["message"] = message } }), "application/json", statusCode: status);
}
