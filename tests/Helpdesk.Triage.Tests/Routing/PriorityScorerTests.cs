using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Tests.Routing;

public sealed class PriorityScorerTests
{
    private static readonly PriorityMatrix Matrix = ShippedRouting.Configuration.Priority;

    private static PriorityInput Input(Urgency urgency = Urgency.Medium, CustomerTier? tier = null, int reassignments = 0, double waitedMinutes = 0,
        CallbackChannel callback = CallbackChannel.Email, bool renewalSoon = false, bool openInvoices = false, decimal revenue = 0, params string[] signals) =>
        new(urgency, tier, renewalSoon, openInvoices, revenue, TimeSpan.FromMinutes(waitedMinutes), signals, callback, reassignments);

    [Fact]
    public void AQuietLowCase_ScoresZero_AndStaysLow()
    {
        var score = PriorityScorer.Score(Input(Urgency.Low), Matrix);

        Assert.Equal((0.0, Urgency.Low), (score.Score, score.Level));
        Assert.Equal(7, score.Reasons.Count);
    }

    [Fact]
    public void EverythingAtOnce_ScoresTheMaximum()
    {
        var score = PriorityScorer.Score(Input(Urgency.Critical, CustomerTier.Enterprise, 3, 240, CallbackChannel.Chat, true, true, 5000, FrustrationDetector.Insult), Matrix);

        Assert.Equal((100.0, Urgency.Critical), (score.Score, score.Level));
    }

    [Fact]
    public void AnAngryBusinessCustomerWaitingInTheChat_RisesAboveWhatTheySaid()
    {
        var score = PriorityScorer.Score(Input(Urgency.Medium, CustomerTier.Enterprise, 2, 60, CallbackChannel.Chat, true, false, 800, FrustrationDetector.Shouting), Matrix);

        Assert.Equal(Urgency.High, score.Level);
        Assert.Contains(score.Reasons, r => r.Factor == "sentiment" && r.Points == Matrix.Weights.Sentiment && r.Explanation == "shouting");
        Assert.Contains(score.Reasons, r => r.Factor == "revenue risk" && r.Explanation.Contains("renewal due soon", StringComparison.Ordinal));
    }

    [Property]
    public Property TheScoreIsTheSumOfItsReasons_Within0To100_AndNeverBelowWhatTheCustomerSaid()
    {
        var inputs = from urgency in Gen.Elements(Enum.GetValues<Urgency>())
                     from tier in Gen.Elements<CustomerTier?>([null, .. Enum.GetValues<CustomerTier>()])
                     from reassignments in Gen.Choose(0, 10)
                     from waited in Gen.Choose(0, 10_000)
                     from callback in Gen.Elements(Enum.GetValues<CallbackChannel>())
                     from renewal in ArbMap.Default.GeneratorFor<bool>()
                     from revenue in Gen.Choose(0, 20_000)
                     select Input(urgency, tier, reassignments, waited, callback, renewal, !renewal, revenue);

        return Prop.ForAll(inputs.ToArbitrary(), input =>
        {
            var score = PriorityScorer.Score(input, Matrix);
            var sum = Math.Round(score.Reasons.Sum(r => r.Points) / Matrix.Weights.Total * 100, 1);
            return score.Score >= 0 && score.Score <= 100 && Math.Abs(sum - score.Score) < 0.05 && score.Level >= input.StatedUrgency;
        });
    }

    [Property]
    public Property MoreOfAnyFactor_NeverLowersTheScore()
    {
        var pairs = from urgency in Gen.Choose(0, 2)
                    from tier in Gen.Choose(0, 3)
                    from waited in Gen.Choose(0, 500)
                    from reassignments in Gen.Choose(0, 5)
                    select (urgency, tier, waited, reassignments);

        return Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var baseline = PriorityScorer.Score(Input((Urgency)p.urgency, (CustomerTier)p.tier, p.reassignments, p.waited), Matrix).Score;
            return new[]
            {
                Input((Urgency)(p.urgency + 1), (CustomerTier)p.tier, p.reassignments, p.waited),
                Input((Urgency)p.urgency, (CustomerTier)(p.tier + 1), p.reassignments, p.waited),
                Input((Urgency)p.urgency, (CustomerTier)p.tier, p.reassignments + 1, p.waited),
                Input((Urgency)p.urgency, (CustomerTier)p.tier, p.reassignments, p.waited + 30),
            }.All(more => PriorityScorer.Score(more, Matrix).Score >= baseline);
        });
    }

    [Theory]
    [InlineData(80, Urgency.Critical)]
    [InlineData(75, Urgency.Critical)]
    [InlineData(74.9, Urgency.High)]
    [InlineData(55, Urgency.High)]
    [InlineData(30, Urgency.Medium)]
    [InlineData(29.9, Urgency.Low)]
    public void Levels_StartAtTheirThresholds(double score, Urgency level)
    {
        Assert.Equal(level, PriorityScorer.LevelOf(score, Matrix.LevelThresholds));
    }
}
