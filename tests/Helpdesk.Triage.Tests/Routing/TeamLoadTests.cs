using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Tests.Routing;

public sealed class TeamLoadTests
{
    private static readonly RoutingConfiguration Routing = ShippedRouting.Configuration;

    private static IReadOnlyDictionary<string, QueueLoad> Loads(string[] online, params (string Agent, int Open)[] open) =>
        TeamLoad.Queues(Routing, new Dictionary<string, int> { ["billing"] = 5 }, online.ToHashSet(), open.ToDictionary(o => o.Agent, o => o.Open));

    [Fact]
    public void Nobody_online_means_no_capacity_anywhere_but_the_waiting_counts_remain()
    {
        var loads = Loads([]);

        Assert.All(loads.Values, load => Assert.Equal((0, 0, 0), (load.AgentsOnline, load.Capacity, load.FreeCapacity)));
        Assert.Equal(5, loads["billing"].Waiting);
        Assert.Equal(Routing.Queues.Count, loads.Count);
    }

    [Fact]
    public void Online_members_with_a_skill_of_the_queue_bring_their_capacity_less_what_they_already_own()
    {
        // maya (billing, capacity 4) owns 3 open cases; luis (billing, capacity 3) owns none.
        var loads = Loads(["maya", "luis"], ("maya", 3));

        Assert.Equal(new QueueLoad("billing", 5, 2, 7, 4), loads["billing"]);
        Assert.Equal(new QueueLoad("retention", 0, 1, 4, 1), loads["retention"]);
    }

    [Fact]
    public void A_member_without_any_of_the_queues_skills_adds_no_capacity_there()
    {
        // tom is a member of general (no skills: any member serves) and of relations (escalations: he has it).
        var loads = Loads(["tom", "camille"]);

        Assert.Equal(2, loads["general"].AgentsOnline);
        Assert.Equal(1, loads["relations"].AgentsOnline);
        Assert.Equal(0, loads["billing"].AgentsOnline);
        Assert.False(TeamLoad.Serves(Routing.Agent("camille")!, Routing.Queue("billing")));
    }

    [Fact]
    public void An_agent_over_capacity_has_no_free_capacity_rather_than_a_negative_one()
    {
        Assert.Equal(0, Loads(["luis"], ("luis", 9))["billing"].FreeCapacity);
    }

    [Theory]
    [InlineData("luis", AgentRole.Agent, 2, false)]
    [InlineData("luis", AgentRole.Agent, 3, true)]
    [InlineData("tom", AgentRole.Supervisor, 5, false)]
    [InlineData("admin", AgentRole.Admin, 50, false)]
    public void Agents_take_work_within_their_capacity_and_supervisors_may_step_in_beyond_it(string agent, AgentRole role, int open, bool refused)
    {
        var refusal = TeamLoad.RefuseMoreWork(Routing.Agent(agent), role, open);

        Assert.Equal(refused, refusal is not null);
        if (refused) Assert.Contains("capacity is 3", refusal, StringComparison.Ordinal);
    }
}
