using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Tests.Routing;

namespace Helpdesk.Triage.Tests.Cases;

public sealed class CaseEscalationTests
{
    private static readonly RoutingConfiguration Routing = ShippedRouting.Configuration;
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fresh_medium_case_needs_nobody()
    {
        Assert.Empty(CaseEscalation.Reasons(Case(Urgency.Medium), Routing, Created.AddMinutes(5)));
    }

    [Fact]
    public void A_critical_case_goes_to_the_supervisors_from_the_start()
    {
        Assert.Contains("critical priority", CaseEscalation.Reasons(Case(Urgency.Critical), Routing, Created));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void A_case_bounced_more_than_twice_is_escalated(int reassignments, bool escalated)
    {
        var bounced = Case(Urgency.Medium) is var c ? c with { Work = c.Work with { Reassignments = reassignments } } : null!;

        Assert.Equal(escalated, CaseEscalation.Reasons(bounced, Routing, Created.AddMinutes(1)).Any(r => r.StartsWith("reassigned", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_first_response_clock_escalates_when_at_risk_and_again_when_overdue_but_not_after_a_response()
    {
        var stored = Case(Urgency.Medium); // first response within 4 hours, at risk from 80 %
        Assert.Empty(CaseEscalation.Reasons(stored, Routing, Created.AddHours(3)));
        Assert.Equal(["first response at risk"], CaseEscalation.Reasons(stored, Routing, Created.AddHours(3.5)));

        var alerted = stored with { Escalations = ["first response at risk"] };
        Assert.Empty(CaseEscalation.NewReasons(alerted, Routing, Created.AddHours(3.9)));
        Assert.Equal(["first response overdue"], CaseEscalation.NewReasons(alerted, Routing, Created.AddHours(4.5)));

        var answered = stored with { Work = stored.Work with { FirstResponseAt = Created.AddHours(1), Owner = "maya", Status = CaseStatus.Assigned } };
        Assert.Empty(CaseEscalation.Reasons(answered, Routing, Created.AddHours(4.5)));
    }

    [Fact]
    public void Waiting_on_the_customer_stops_the_clock_and_a_resolved_case_never_escalates()
    {
        var stored = Case(Urgency.Medium);
        var waiting = stored with { Work = stored.Work with { Status = CaseStatus.WaitingOnCustomer, Owner = "maya", FirstResponseAt = Created.AddMinutes(10), Pauses = [new SlaPause(Created.AddHours(1), null)] } };
        var resolved = stored with { Work = stored.Work with { Status = CaseStatus.Resolved, Reassignments = 5 } };

        Assert.Empty(CaseEscalation.Reasons(waiting, Routing, Created.AddHours(30)));
        Assert.Empty(CaseEscalation.Reasons(resolved, Routing, Created.AddDays(9)));
    }

    private static StoredCase Case(Urgency urgency)
    {
        var draft = new CaseDraft("The app crashes", null, new TriageFacts { Urgency = urgency }, urgency, [], [], HandoffReason.Asked, "directline");
        var plan = HandoffPlanner.Plan(draft, null, Routing, QueueLoad.Empty, Created);
        return new StoredCase
        {
            Reference = "HD-000001",
            ConversationId = "c1",
            UserId = "u1",
            CreatedAt = Created,
            Work = CaseState.Queued(plan.QueueId),
            Details = draft,
            Plan = plan,
            Transcript = [],
        };
    }
}
