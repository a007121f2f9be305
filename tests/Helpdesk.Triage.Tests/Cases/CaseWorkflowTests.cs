using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Tests.Cases;

public sealed class CaseWorkflowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Queues = ["billing", "general", "supervisors"];

    private static CaseState Run(CaseState state, params (CaseAction Action, int Minute)[] steps)
    {
        foreach (var (action, minute) in steps)
        {
            var decision = CaseWorkflow.Apply(state, action, T0.AddMinutes(minute), Queues);
            Assert.True(decision.Accepted, decision.Refusal);
            state = decision.State!;
        }

        return state;
    }

    [Fact]
    public void ClaimReplyWaitResumeResolve_KeepsOneOwner_AndTheClockHonest()
    {
        var state = Run(CaseState.Queued("billing"),
            (new CaseAction.Claim("maya"), 2),
            (new CaseAction.Reply("maya", "I see the second charge, refunding it now."), 5),
            (new CaseAction.Wait("maya", CaseStatus.WaitingOnCustomer), 6),
            (new CaseAction.StopWaiting("maya"), 66),
            (new CaseAction.Resolve("maya", "refund-issued"), 70));

        Assert.Equal((CaseStatus.Resolved, "maya", "refund-issued"), (state.Status, state.Owner, state.Disposition));
        Assert.Equal(T0.AddMinutes(5), state.FirstResponseAt);
        Assert.Equal([new SlaPause(T0.AddMinutes(6), T0.AddMinutes(66))], state.Pauses);
        Assert.Equal(TimeSpan.FromMinutes(10), SlaClock.Elapsed(T0, T0.AddMinutes(70), state.Pauses, null));
    }

    [Fact]
    public void ReplyingToAnUnownedCase_ClaimsIt()
    {
        var state = Run(CaseState.Queued("billing"), (new CaseAction.Reply("luis", "Hello Ana"), 1));

        Assert.Equal(("luis", CaseStatus.Assigned), (state.Owner, state.Status));
    }

    [Fact]
    public void Transfers_CountReassignments_AndReleaseTheOwner()
    {
        var state = Run(CaseState.Queued("billing"),
            (new CaseAction.Claim("maya"), 1),
            (new CaseAction.Transfer("maya", "general", "not a billing question"), 2),
            (new CaseAction.Claim("luis"), 3),
            (new CaseAction.Transfer("luis", "supervisors", "customer asks for a manager"), 4));

        Assert.Equal(("supervisors", (string?)null, CaseStatus.Queued, 2), (state.QueueId, state.Owner, state.Status, state.Reassignments));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void ImpossibleActions_AreRefusedWithAReason(string why, CaseState state, CaseAction action, string reason)
    {
        var decision = CaseWorkflow.Apply(state, action, T0, Queues);

        Assert.False(decision.Accepted, why);
        Assert.Contains(reason, decision.Refusal, StringComparison.Ordinal);
    }

    public static TheoryData<string, CaseState, CaseAction, string> Refusals => new()
    {
        { "someone else owns it", CaseState.Queued("billing") with { Owner = "maya", Status = CaseStatus.Assigned }, new CaseAction.Claim("luis"), "owned by maya" },
        { "only the owner replies", CaseState.Queued("billing") with { Owner = "maya", Status = CaseStatus.Assigned }, new CaseAction.Reply("luis", "hi"), "only the owner" },
        { "transfer needs a reason", CaseState.Queued("billing"), new CaseAction.Transfer("maya", "general", " "), "Say why" },
        { "transfer to nowhere", CaseState.Queued("billing"), new CaseAction.Transfer("maya", "nowhere", "x"), "no queue 'nowhere'" },
        { "resolve needs a disposition", CaseState.Queued("billing"), new CaseAction.Resolve("maya", ""), "disposition" },
        { "a resolved case is reopened first", CaseState.Queued("billing") with { Status = CaseStatus.Resolved }, new CaseAction.Reply("maya", "hi"), "reopen it first" },
        { "waiting needs an owner", CaseState.Queued("billing"), new CaseAction.Wait("maya", CaseStatus.WaitingOnThirdParty), "Claim the case" },
        { "an open case is not reopened", CaseState.Queued("billing"), new CaseAction.Reopen("maya"), "still open" },
    };

    [Fact]
    public void Reopening_CountsAndReturnsToTheOwner()
    {
        var state = Run(CaseState.Queued("billing"),
            (new CaseAction.Resolve("maya", "answered"), 1),
            (new CaseAction.Reopen("maya"), 30));

        Assert.Equal((CaseStatus.Assigned, 1, (string?)null), (state.Status, state.Reopened, state.Disposition));
    }

    [Property]
    public Property AnySequenceOfActions_LeavesAtMostOneOpenPause_AndOnlyWhileWaiting()
    {
        var actions = Gen.Elements<Func<int, CaseAction>>(
            i => new CaseAction.Claim(i % 2 == 0 ? "maya" : "luis"),
            i => new CaseAction.Reply(i % 2 == 0 ? "maya" : "luis", "text"),
            i => new CaseAction.Wait("maya", i % 2 == 0 ? CaseStatus.WaitingOnCustomer : CaseStatus.WaitingOnThirdParty),
            i => new CaseAction.StopWaiting("maya"),
            i => new CaseAction.Transfer("maya", Queues[i % 3], "reason"),
            i => new CaseAction.Resolve("maya", "done"),
            i => new CaseAction.Reopen("luis"));

        return Prop.ForAll(Gen.ListOf(actions, 30).ToArbitrary(), sequence =>
        {
            var state = CaseState.Queued("billing");
            var minute = 0;
            foreach (var make in sequence)
            {
                var decision = CaseWorkflow.Apply(state, make(minute), T0.AddMinutes(++minute), Queues);
                if (decision.Accepted) state = decision.State!;
            }

            var open = state.Pauses.Count(p => p.Until is null);
            return open <= 1 && (open == 1) == state.IsWaiting && state.Pauses.All(p => p.Until is null || p.Until >= p.From);
        });
    }
}
