using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Metrics;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Storage;

namespace Helpdesk.Bot.Agents;

/// <summary><c>/api/metrics</c>: the service's figures from recorded events, for agents and dashboards.</summary>
internal static class MetricsEndpoints
{
    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapGet("/api/metrics", async (ITriageStore store, RoutingConfiguration routing, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var conversations = await store.ConversationRecordsAsync(cancellationToken);
            var cases = await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.All, null, Limit: 100_000), cancellationToken);
            var report = MetricsCalculator.Compute(conversations, cases, routing.BusinessHours, time.GetUtcNow());
            return Results.Json(report, MetricsJsonContext.Default.MetricsReport);
        }).RequireAuthorization(AgentPolicies.Agent).WithTags("Metrics")
            .WithSummary("Service figures from recorded events; every rate with its numerator and denominator.").Produces<MetricsReport>();
        return app;
    }
}
