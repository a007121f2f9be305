namespace Helpdesk.Bot.Agents;

/// <summary>
/// Cross-site request forgery guard for the console's JSON POSTs: they must carry
/// <c>X-Helpdesk-Console: 1</c>, a header no other site's form or image can send (and a cross-site
/// script cannot add without a CORS preflight this host refuses). The session cookie is also SameSite=Strict.
/// </summary>
internal sealed class ConsoleRequestFilter : IEndpointFilter
{
    public const string Header = "X-Helpdesk-Console";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.Headers[Header] == "1"
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Json(new ApiError($"Send the {Header}: 1 header."), AgentJsonContext.Default.ApiError, statusCode: StatusCodes.Status400BadRequest));
}
