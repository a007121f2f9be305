using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>What only admins do: see and retry webhook deliveries that were given up on, and give agents first passwords.</summary>
internal static class AdminEndpoints
{
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AgentPolicies.Admin).WithTags("Admin");

        admin.MapGet("/webhooks/{destination}/dead-letters", async (string destination, IOutbox outbox, CancellationToken cancellationToken) =>
        {
            var dead = await outbox.DeadLettersAsync(destination, cancellationToken);
            return Results.Json(dead.Select(d => new DeadLetterView(d.Event.Id, d.Event.Kind, d.Event.Reference, d.Event.OccurredAt, d.Attempts, d.DeadAt, d.LastError)).ToList(),
                AgentJsonContext.Default.ListDeadLetterView);
        });

        admin.MapPost("/webhooks/{destination}/dead-letters/{eventId:long}/retry", async (string destination, long eventId, IOutbox outbox, TimeProvider time, CancellationToken cancellationToken) =>
            await outbox.RetryAsync(eventId, destination, time.GetUtcNow(), cancellationToken)
                ? Results.NoContent()
                : CaseApiEndpoints.Error(StatusCodes.Status404NotFound, $"Event {eventId} is not dead-lettered for {destination}."))
            .AddEndpointFilter<ConsoleRequestFilter>();
        admin.MapPost("/agents/{id}/password", async (string id, PasswordBody body, AgentAccounts accounts, RoutingConfiguration routing, CancellationToken cancellationToken) =>
        {
            var rostered = routing.Agents.FirstOrDefault(a => a.Id == id);
            if (rostered is null) return CaseApiEndpoints.Error(StatusCodes.Status404NotFound, $"There is no agent '{id}' in routing.json.");
            if (body.Password is not { Length: >= 12 }) return CaseApiEndpoints.Error(StatusCodes.Status400BadRequest, "A first password needs at least 12 characters.");
            await accounts.SetPasswordAsync(rostered.Id, rostered.Name, rostered.Role, body.Password, oneTime: true, cancellationToken);
            return Results.NoContent();
        }).AddEndpointFilter<ConsoleRequestFilter>()
            .WithSummary("Give a rostered agent a one-time password; they choose their own at the first sign-in.");
        return app;
    }
}
