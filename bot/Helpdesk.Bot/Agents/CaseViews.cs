using System.Text.Json;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>Turns stored cases into what the console shows, with the SLA state as of now.</summary>
internal static class CaseViews
{
    public static CaseSummary Summary(StoredCase stored, RoutingConfiguration routing, DateTimeOffset now) => new(
        stored.Reference,
        stored.Status,
        stored.Work.QueueId,
        stored.Work.Owner,
        stored.Plan is { } plan ? Name(plan.Priority.Level) : null,
        stored.Plan?.Priority.Score,
        stored.CreatedAt,
        stored.Plan?.FirstResponseDue,
        stored.Work.FirstResponseAt,
        stored.Plan?.ResolveDue,
        stored.Details.Problem,
        stored.Details.Intent?.Label,
        stored.Plan?.Customer?.Name,
        Name(SlaStatusOf(stored, routing, now)),
        stored.Escalations.Count > 0,
        stored.Work.Tags);

    public static CaseDetail Detail(StoredCase stored, RoutingConfiguration routing, DateTimeOffset now)
    {
        var details = stored.Details;
        var plan = stored.Plan;
        var facts = details.Facts;
        return new CaseDetail(
            stored.Reference,
            stored.Status,
            stored.Work.QueueId,
            stored.Work.Owner,
            stored.Work.Reassignments,
            stored.CreatedAt,
            stored.ConversationId,
            details.ChannelId,
            details.Problem,
            details.Intent is { } intent ? new IntentView(intent.Label, intent.Confidence, intent.Confirmed, [.. intent.Alternatives.Select(a => new AlternativeView(a.Label, a.Confidence))]) : null,
            new FactsView(facts.AccountId, facts.Email, facts.Phone, facts.Callback is { } callback ? Name(callback) : null, facts.TimeWindow),
            Name(details.Urgency),
            Name(details.Reason),
            details.Signals,
            [.. details.Articles.Select(a => new ArticleView(a.Id, a.Title, a.Solved))],
            plan is null ? null : new PriorityView(Name(plan.Priority.Level), plan.Priority.Score, [.. plan.Priority.Reasons.Select(r => new ReasonView(r.Factor, r.Points, r.MaxPoints, r.Explanation))]),
            new SlaView(plan?.FirstResponseDue, plan?.ResolveDue, stored.Work.FirstResponseAt, Name(SlaStatusOf(stored, routing, now))),
            plan?.RouteReasons ?? [],
            stored.Escalations,
            plan?.Customer is { } customer ? new CustomerView(customer.Name, customer.Company, customer.Tier.ToString(), customer.Country, customer.RenewalDate, customer.HasOpenInvoices, customer.IsVip, customer.Notes) : null,
            [.. stored.Transcript.Select(t => new TranscriptView(t.Role, t.Text, t.At))],
            [.. stored.Timeline.Select(e => new TimelineView(e.At, e.Kind, e.Actor, e.Text))],
            stored.Work.Disposition,
            stored.Work.ResolvedAt,
            stored.Work.Reopened,
            stored.Work.Tags);
    }

    /// <summary>The first-response clock until someone responds, then the resolution clock; none once resolved.</summary>
    public static SlaStatus SlaStatusOf(StoredCase stored, RoutingConfiguration routing, DateTimeOffset now)
    {
        if (stored.Plan is not { } plan || !stored.Work.IsOpen) return SlaStatus.OnTrack;
        var target = stored.Work.FirstResponseAt is null ? plan.Targets.FirstResponse : plan.Targets.Resolve;
        return SlaClock.Status(stored.CreatedAt, now, target, stored.Work.Pauses, routing.BusinessHours, routing.Escalation.AtRiskFraction);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
