using System.Security.Claims;
using Helpdesk.Channels.Schema;
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
    // The bot's side of a downloaded transcript; a case does not record the channel's own account for it.
    private static readonly ChannelAccount TranscriptBot = new() { Id = "bot", Name = "Support", Role = "bot" };

    public static WebApplication MapAgentApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(AgentPolicies.Agent).WithTags("Agents");
        var actions = api.MapGroup("/cases/{reference}").AddEndpointFilter<ConsoleRequestFilter>().WithTags("Case actions");

        api.MapGet("/agent/me", (ClaimsPrincipal user, RoutingConfiguration routing) =>
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var queues = routing.Agents.FirstOrDefault(a => a.Id == id)?.Queues ?? [.. routing.Queues.Select(q => q.Id)];
            return Results.Json(new AgentProfile(id, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!.ToLowerInvariant(), queues), AgentJsonContext.Default.AgentProfile);
        }).WithSummary("The signed-in agent: id, name, role and queues.").Produces<AgentProfile>();

        api.MapGet("/queues", async (ICaseStore cases, IQueueMonitor monitor, RoutingConfiguration routing, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var open = await cases.ListCasesAsync(new CaseQuery(null, CaseListFilter.Open, null, Limit: 10_000), cancellationToken);
            var loads = await monitor.LoadsAsync(cancellationToken);
            var now = time.GetUtcNow();
            List<QueueSummary> summaries = [.. routing.Queues.Select(queue =>
            {
                var mine = open.Where(c => c.Work.QueueId == queue.Id).ToList();
                var waiting = mine.Where(c => c.Work.Owner is null).ToList();
                var load = loads[queue.Id];
                return new QueueSummary(queue.Id, queue.Name, waiting.Count, waiting.Count == 0 ? null : waiting.Min(c => c.CreatedAt),
                    mine.Count(c => CaseViews.SlaStatusOf(c, routing, now) is SlaStatus.AtRisk or SlaStatus.Breached), mine.Count(c => c.Work.Owner is not null),
                    load.AgentsOnline, load.Capacity, load.FreeCapacity, mine.Count(c => c.Escalations.Count > 0));
            })];
            return Results.Json(summaries, AgentJsonContext.Default.ListQueueSummary);
        }).WithSummary("Every queue: waiting cases, the oldest wait, SLA at risk, assigned, escalated, agents online and their free capacity.").Produces<List<QueueSummary>>();

        api.MapGet("/agents", async (ICaseStore cases, AgentPresence presence, RoutingConfiguration routing, CancellationToken cancellationToken) =>
        {
            var open = await cases.CountOpenByOwnerAsync(cancellationToken);
            var online = await presence.OnlineAsync(cancellationToken);
            List<AgentStatus> agents = [.. routing.Agents.Select(a => new AgentStatus(
                a.Id, a.Name, a.Role.ToString().ToLowerInvariant(), a.Queues, a.Skills, a.Capacity, online.Contains(a.Id), open.GetValueOrDefault(a.Id)))];
            return Results.Json(agents, AgentJsonContext.Default.ListAgentStatus);
        }).WithSummary("The roster: each agent's queues, skills, capacity, whether they are online and how many open cases they own.").Produces<List<AgentStatus>>();

        api.MapGet("/cases", async (string? queue, string? status, ClaimsPrincipal user, ICaseStore cases, RoutingConfiguration routing, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var filter = status?.ToLowerInvariant() switch
            {
                null or "" or "open" => CaseListFilter.Open,
                "escalated" => CaseListFilter.Escalated,
                "mine" => CaseListFilter.Mine,
                "resolved" => CaseListFilter.Resolved,
                "all" => CaseListFilter.All,
                _ => (CaseListFilter?)null,
            };
            if (filter is null) return Error(StatusCodes.Status400BadRequest, "status must be open, escalated, mine, resolved or all.");
            var found = await cases.ListCasesAsync(new CaseQuery(string.IsNullOrEmpty(queue) ? null : queue, filter.Value, user.FindFirstValue(ClaimTypes.NameIdentifier)), cancellationToken);
            var now = time.GetUtcNow();
            return Results.Json(found.Select(c => CaseViews.Summary(c, routing, now)).ToList(), AgentJsonContext.Default.ListCaseSummary);
        }).WithSummary("The work list, by priority then SLA due: status open (default), escalated, mine, resolved or all; optionally one queue.").Produces<List<CaseSummary>>();

        api.MapGet("/cases/{reference}", async (string reference, ICaseStore cases, RoutingConfiguration routing, TimeProvider time, CancellationToken cancellationToken) =>
            await cases.FindCaseAsync(reference.ToUpperInvariant(), cancellationToken) is { } found
                ? Results.Json(CaseViews.Detail(found, routing, time.GetUtcNow()), AgentJsonContext.Default.CaseDetail)
                : Error(StatusCodes.Status404NotFound, $"There is no case {reference}."))
            .WithSummary("One case with everything: facts, intent, articles, priority reasons, SLA, customer, transcript, timeline.").Produces<CaseDetail>().Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/cases/{reference}/transcript", async (string reference, ICaseStore cases, CancellationToken cancellationToken) =>
            await cases.FindCaseAsync(reference.ToUpperInvariant(), cancellationToken) is { } found
                ? Results.File(TranscriptFile.Write(CaseTranscript.Activities(found, TranscriptBot)), "application/json", found.Reference + TranscriptFile.Extension)
                : Error(StatusCodes.Status404NotFound, $"There is no case {reference}."))
            .WithSummary("The case's conversation as a Bot Framework .transcript file (opens in the Bot Framework Emulator).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapPost("/cases/next", (CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ClaimAsync(null, user, ct))
            .AddEndpointFilter<ConsoleRequestFilter>().WithTags("Case actions")
            .Action("Take the most urgent waiting case of your queues (within your capacity); 404 when none is waiting.");
        actions.MapPost("/claim", (string reference, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ClaimAsync(reference, user, ct)).Action("Take ownership of the case (within your capacity).");
        actions.MapPost("/reply", (string reference, TextBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Reply(Agent(user), body.Text?.Trim() ?? ""), ct)).Action("Reply to the customer; the text reaches their live conversation.");
        actions.MapPost("/note", (string reference, TextBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Note(Agent(user), body.Text?.Trim() ?? ""), ct)).Action("Add an internal note (never shown to the customer).");
        actions.MapPost("/transfer", (string reference, TransferBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Transfer(Agent(user), body.Queue ?? "", body.Reason?.Trim() ?? ""), ct)).Action("Move the case to another queue, with a reason; counts a reassignment.");
        actions.MapPost("/wait", (string reference, WaitBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Wait(Agent(user), CaseStatusNames.Parse(body.Waiting) ?? CaseStatus.New), ct)).Action("Wait on the customer or a third party; pauses the SLA clock.");
        actions.MapPost("/stop-waiting", (string reference, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.StopWaiting(Agent(user)), ct)).Action("Stop waiting; the SLA clock runs again.");
        actions.MapPost("/resolve", (string reference, ResolveBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Resolve(Agent(user), body.Disposition?.Trim() ?? ""), ct)).Action("Resolve with a disposition code; the customer is asked for a rating.");
        actions.MapPost("/tags", (string reference, TagsBody body, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Tag(Agent(user), body.Add ?? [], body.Remove ?? []), ct)).Action("Add and remove tags (letters, digits and dashes); allowed on resolved cases too.");
        actions.MapPost("/reopen", (string reference, CaseActions run, ClaimsPrincipal user, CancellationToken ct) => run.ActAsync(reference, new CaseAction.Reopen(Agent(user)), ct)).Action("Reopen a resolved case.");

        api.MapGet("/dispositions", (IOptions<ConsoleOptions> options) => Results.Json(options.Value.Dispositions, AgentJsonContext.Default.ListString))
            .WithSummary("The disposition codes a resolution can have.").Produces<List<string>>();
        api.MapGet("/canned-replies", (IOptions<ConsoleOptions> options) => Results.Json(options.Value.CannedReplies, AgentJsonContext.Default.ListCannedReply))
            .WithSummary("Ready-made replies.").Produces<List<CannedReply>>();
        api.MapGet("/events", (HttpContext http, ConsoleFeed feed, CancellationToken ct) => feed.StreamAsync(http, ct))
            .WithSummary("Server-sent events: one 'case' event (reference, kind) per change, and a 'presence' event (agent) when a console connects or leaves.").Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    /// <summary>Documents an action: its summary, the updated case on success, the refusals.</summary>
    private static RouteHandlerBuilder Action(this RouteHandlerBuilder action, string summary) =>
        action.WithSummary(summary).Produces<CaseDetail>().Produces<ApiError>(StatusCodes.Status404NotFound).Produces<ApiError>(StatusCodes.Status409Conflict);

    private static string Agent(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    internal static IResult Error(int status, string message) => Results.Json(new ApiError(message), AgentJsonContext.Default.ApiError, statusCode: status);
}
