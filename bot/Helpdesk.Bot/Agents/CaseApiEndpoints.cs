using System.Security.Claims;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Agents;

/// <summary>
/// The agent API: the same operations the console uses, behind the same sign-in. Reads need an
/// agent; every POST also needs the console header (CSRF guard). Agent replies are relayed to the
/// customer's live conversation once the case records them.
/// </summary>
internal static class CaseApiEndpoints
{
    public static WebApplication MapAgentApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(AgentPolicies.Agent);
        var actions = api.MapGroup("/cases/{reference}").AddEndpointFilter<ConsoleRequestFilter>();

        api.MapGet("/agent/me", (ClaimsPrincipal user, RoutingConfiguration routing) =>
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var queues = routing.Agents.FirstOrDefault(a => a.Id == id)?.Queues ?? [.. routing.Queues.Select(q => q.Id)];
            return Results.Json(new AgentProfile(id, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!.ToLowerInvariant(), queues), AgentJsonContext.Default.AgentProfile);
        });

        api.MapGet("/queues", async (ICaseStore cases, RoutingConfiguration routing, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var open = await cases.ListCasesAsync(new CaseQuery(null, CaseListFilter.Open, null, Limit: 10_000), cancellationToken);
            var now = time.GetUtcNow();
            List<QueueSummary> summaries = [.. routing.Queues.Select(queue =>
            {
                var mine = open.Where(c => c.Work.QueueId == queue.Id).ToList();
                var waiting = mine.Where(c => c.Work.Owner is null).ToList();
                return new QueueSummary(queue.Id, queue.Name, waiting.Count, waiting.Count == 0 ? null : waiting.Min(c => c.CreatedAt),
                    mine.Count(c => CaseViews.SlaStatusOf(c, routing, now) is SlaStatus.AtRisk or SlaStatus.Breached), mine.Count(c => c.Work.Owner is not null));
            })];
            return Results.Json(summaries, AgentJsonContext.Default.ListQueueSummary);
        });

        api.MapGet("/cases", async (string? queue, string? status, ClaimsPrincipal user, ICaseStore cases, RoutingConfiguration routing, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var filter = status?.ToLowerInvariant() switch
            {
                null or "" or "open" => CaseListFilter.Open,
                "mine" => CaseListFilter.Mine,
                "resolved" => CaseListFilter.Resolved,
                "all" => CaseListFilter.All,
                _ => (CaseListFilter?)null,
            };
            if (filter is null) return Error(StatusCodes.Status400BadRequest, "status must be open, mine, resolved or all.");
            var found = await cases.ListCasesAsync(new CaseQuery(string.IsNullOrEmpty(queue) ? null : queue, filter.Value, user.FindFirstValue(ClaimTypes.NameIdentifier)), cancellationToken);
            var now = time.GetUtcNow();
            return Results.Json(found.Select(c => CaseViews.Summary(c, routing, now)).ToList(), AgentJsonContext.Default.ListCaseSummary);
        });

        api.MapGet("/cases/{reference}", async (string reference, ICaseStore cases, RoutingConfiguration routing, TimeProvider time, CancellationToken cancellationToken) =>
            await cases.FindCaseAsync(reference.ToUpperInvariant(), cancellationToken) is { } found
                ? Results.Json(CaseViews.Detail(found, routing, time.GetUtcNow()), AgentJsonContext.Default.CaseDetail)
                : Error(StatusCodes.Status404NotFound, $"There is no case {reference}."));

        actions.MapPost("/claim", (string reference, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Claim(Agent(user)), ct));
        actions.MapPost("/reply", (string reference, TextBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Reply(Agent(user), body.Text?.Trim() ?? ""), ct));
        actions.MapPost("/note", (string reference, TextBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Note(Agent(user), body.Text?.Trim() ?? ""), ct));
        actions.MapPost("/transfer", (string reference, TransferBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Transfer(Agent(user), body.Queue ?? "", body.Reason?.Trim() ?? ""), ct));
        actions.MapPost("/wait", (string reference, WaitBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Wait(Agent(user), CaseStatusNames.Parse(body.Waiting) ?? CaseStatus.New), ct));
        actions.MapPost("/stop-waiting", (string reference, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.StopWaiting(Agent(user)), ct));
        actions.MapPost("/resolve", (string reference, ResolveBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Resolve(Agent(user), body.Disposition?.Trim() ?? ""), ct));
        actions.MapPost("/reopen", (string reference, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Reopen(Agent(user)), ct));

        api.MapGet("/dispositions", (IOptions<ConsoleOptions> options) => Results.Json(options.Value.Dispositions, AgentJsonContext.Default.ListString));
        api.MapGet("/canned-replies", (IOptions<ConsoleOptions> options) => Results.Json(options.Value.CannedReplies, AgentJsonContext.Default.ListCannedReply));
        api.MapGet("/events", (HttpContext http, ConsoleFeed feed, CancellationToken ct) => feed.StreamAsync(http, ct));
        return app;
    }

    private static string Agent(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    internal static IResult Error(int status, string message) => Results.Json(new ApiError(message), AgentJsonContext.Default.ApiError, statusCode: status);
}
