using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Tests.Routing;

public sealed class QueueSelectorTests
{
    private static readonly RoutingConfiguration Routing = ShippedRouting.Configuration;

    private static Func<string, QueueLoad> Loads(params QueueLoad[] loads) =>
        id => loads.FirstOrDefault(l => l.QueueId == id) ?? new QueueLoad(id, 0, 2, 6, 6);

    [Theory]
    [InlineData("billing_dispute", "billing")]
    [InlineData("password_reset", "access")]
    [InlineData("privacy_request", "privacy")]
    [InlineData("how_to", "general")]
    [InlineData("an_intent_nobody_serves", "general")]
    [InlineData(null, "general")]
    public void TheIntent_PicksTheQueue(string? intent, string queue)
    {
        var decision = QueueSelector.Select(Routing, intent, Loads());

        Assert.Equal((queue, false), (decision.QueueId, decision.Overflowed));
    }

    [Fact]
    public void ASaturatedSpecialistQueue_SpillsToItsGeneralistQueue()
    {
        var decision = QueueSelector.Select(Routing, "billing_dispute", Loads(new QueueLoad("billing", 7, 2, 7, 0)));

        Assert.Equal(("general", true), (decision.QueueId, decision.Overflowed));
        Assert.Contains("overflow to General support", decision.Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AQueueWithNobodyOnline_IsSaturatedEvenWhenEmpty()
    {
        Assert.Equal("general", QueueSelector.Select(Routing, "order_status", Loads(QueueLoad.Empty("orders"))).QueueId);
    }

    [Fact]
    public void BusyButNotOverTheLimit_StaysInItsQueue()
    {
        Assert.Equal("billing", QueueSelector.Select(Routing, "refund_request", Loads(new QueueLoad("billing", 2, 2, 7, 0))).QueueId);
    }

    [Fact]
    public void WhenTheOverflowIsSaturatedToo_TheCaseStaysHome()
    {
        var decision = QueueSelector.Select(Routing, "billing_dispute", Loads(new QueueLoad("billing", 9, 2, 7, 0), new QueueLoad("general", 30, 3, 9, 0)));

        Assert.Equal(("billing", false), (decision.QueueId, decision.Overflowed));
    }

    [Fact]
    public void PrivacyRequests_NeverOverflow()
    {
        Assert.Equal("privacy", QueueSelector.Select(Routing, "privacy_request", Loads(QueueLoad.Empty("privacy"))).QueueId);
    }

    [Theory]
    [InlineData(0, 2, 6, 3, 0.0)]
    [InlineData(2, 2, 6, 3, 0.0)]
    [InlineData(3, 2, 6, 3, 2.0)]
    [InlineData(9, 2, 6, 0, 20.0)]
    public void ExpectedWait_SharesTheCasesAheadAcrossTheCapacity(int waiting, int online, int capacity, int free, double minutes)
    {
        var wait = ExpectedWait.Estimate(new QueueLoad("q", waiting, online, capacity, free), TimeSpan.FromMinutes(12));

        Assert.Equal(TimeSpan.FromMinutes(minutes), wait);
    }

    [Fact]
    public void ExpectedWait_WithNobodyOnline_IsUnknown()
    {
        Assert.Null(ExpectedWait.Estimate(QueueLoad.Empty("q"), TimeSpan.FromMinutes(12)));
    }

    [Theory]
    [InlineData(Urgency.Critical, 0, SlaStatus.OnTrack, "critical priority")]
    [InlineData(Urgency.Low, 3, SlaStatus.OnTrack, "reassigned 3 times (more than 2)")]
    [InlineData(Urgency.Medium, 0, SlaStatus.AtRisk, "first response at risk")]
    [InlineData(Urgency.Medium, 0, SlaStatus.Breached, "first response overdue")]
    public void Escalation_NamesEveryReason(Urgency level, int reassignments, SlaStatus response, string reason)
    {
        Assert.Contains(reason, EscalationPolicy.Reasons(Routing.Escalation, level, reassignments, response, SlaStatus.OnTrack));
    }

    [Fact]
    public void ANormalCase_DoesNotEscalate()
    {
        Assert.Empty(EscalationPolicy.Reasons(Routing.Escalation, Urgency.High, 2, SlaStatus.OnTrack, SlaStatus.OnTrack));
    }
}
