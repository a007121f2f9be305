using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Routing;

/// <summary>Plans a handoff from the case, the customer and the queues' load — a pure function of them and the time.</summary>
public static class HandoffPlanner
{
    public static HandoffPlan Plan(CaseDraft draft, CustomerRecord? customer, RoutingConfiguration routing, Func<string, QueueLoad> loadOf, DateTimeOffset now)
    {
        var matrix = routing.Priority;
        var renewalSoon = customer?.RenewalDate is { } renewal
            && renewal >= DateOnly.FromDateTime(now.UtcDateTime)
            && renewal <= DateOnly.FromDateTime(now.UtcDateTime).AddDays(matrix.RenewalWindowDays);
        var priority = PriorityScorer.Score(new PriorityInput(
            draft.Urgency, customer?.Tier, renewalSoon, customer?.HasOpenInvoices ?? false, customer?.MonthlyRevenue ?? 0,
            TimeSpan.Zero, draft.Signals, draft.Facts.Callback ?? CallbackChannel.Chat, Reassignments: 0), matrix);

        var route = QueueSelector.Select(routing, draft.Intent?.Label, loadOf);
        var queue = routing.Queue(route.QueueId);
        var targets = matrix.Targets[priority.Level];
        var escalation = EscalationPolicy.Reasons(routing.Escalation, priority.Level, 0, SlaStatus.OnTrack, SlaStatus.OnTrack);

        return new HandoffPlan(
            queue.Id,
            queue.Name,
            route.Overflowed,
            route.Reasons,
            priority,
            targets,
            SlaClock.DueAt(now, targets.FirstResponse, [], routing.BusinessHours),
            SlaClock.DueAt(now, targets.Resolve, [], routing.BusinessHours),
            ExpectedWait.Estimate(loadOf(queue.Id), routing.AverageHandleTime),
            escalation,
            customer);
    }

    /// <summary>Who the case says the customer is, for the directory.</summary>
    public static CustomerIdentity IdentityOf(CaseDraft draft, string userId) => new()
    {
        AccountId = draft.Facts.AccountId,
        Email = draft.Facts.Email,
        Phone = draft.Facts.Phone,
        ChannelId = draft.ChannelId,
        ChannelUserId = userId,
    };
}
