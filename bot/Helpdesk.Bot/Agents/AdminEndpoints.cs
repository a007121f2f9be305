using Helpdesk.Triage.Outbox;

namespace Helpdesk.Bot.Agents;

/// <summary>What only admins see: webhook deliveries that were given up on, and retrying them.</summary>
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

        admin.MapPost("/webhooks/{destination}/dead-letters/{eventId:long}/retry", async (string destination, long eventId, IOutbox outbox, CancellationToken cancellationToken) =>
            await outbox.RetryAsync(eventId, destination, cancellationToken)
                ? Results.NoContent()
                : CaseApiEndpoints.Error(StatusCodes.Status404NotFound, $"Event {eventId} is not dead-lettered for {destination}."))
            .AddEndpointFilter<ConsoleRequestFilter>();
        return app;
    }
}
