using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Tests.Routing;

namespace Helpdesk.Triage.Tests.Cases;

public sealed class CaseTagsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Queues = ["billing", "general"];

    [Theory]
    [InlineData("Refund", "refund")]
    [InlineData("  billing   error ", "billing-error")]
    [InlineData("2fa", "2fa")]
    [InlineData("<script>", null)]
    [InlineData("-leading-dash", null)]
    [InlineData("", null)]
    public void A_tag_has_one_spelling_or_is_refused(string typed, string? expected)
    {
        Assert.Equal(expected, CaseTags.Normalize(typed));
    }

    [Fact]
    public void Agents_add_and_remove_tags_and_the_timeline_says_which()
    {
        var state = CaseState.Queued("billing") with { Tags = ["billing-dispute", "directline"] };

        var decision = CaseWorkflow.Apply(state, new CaseAction.Tag("maya", ["Refund", "refund"], ["directline"]), Now, Queues);

        Assert.True(decision.Accepted);
        Assert.Equal(["billing-dispute", "refund"], decision.State!.Tags);
        Assert.Equal((CaseEventKinds.Tagged, "+refund -directline"), (decision.Event!.Kind, decision.Event.Text));
    }

    [Fact]
    public void Invalid_needless_or_too_many_tags_are_refused_and_resolved_cases_can_still_be_tagged()
    {
        var state = CaseState.Queued("billing") with { Tags = ["refund"] };

        Assert.Contains("letters, digits or dashes", CaseWorkflow.Apply(state, new CaseAction.Tag("maya", ["a b/c"], []), Now, Queues).Refusal, StringComparison.Ordinal);
        Assert.Equal("The tags are already like that.", CaseWorkflow.Apply(state, new CaseAction.Tag("maya", ["refund"], ["absent"]), Now, Queues).Refusal);
        Assert.Contains("at most 20", CaseWorkflow.Apply(state, new CaseAction.Tag("maya", [.. Enumerable.Range(0, 20).Select(i => "t" + i)], []), Now, Queues).Refusal, StringComparison.Ordinal);
        Assert.True(CaseWorkflow.Apply(state with { Status = CaseStatus.Resolved }, new CaseAction.Tag("maya", ["follow-up"], []), Now, Queues).Accepted);
    }

    [Fact]
    public void A_case_starts_with_tags_from_its_triage()
    {
        var customer = new CustomerRecord { AccountId = "ACC-20931", Name = "Ana Ruiz", Tier = CustomerTier.Business, Country = "ES", IsVip = true };
        var draft = new CaseDraft("Charged twice and nobody helps", new IntentGuess("billing_dispute", 0.9, [], true), new TriageFacts(), Urgency.Critical, [], ["insult"], HandoffReason.Frustrated, "directline");
        var plan = HandoffPlanner.Plan(draft, customer, ShippedRouting.Configuration, QueueLoad.Empty, Now);

        Assert.Equal(["billing-dispute", "directline", "frustrated", "business", "vip", "critical"], CaseTags.Initial(draft, plan));
    }
}
