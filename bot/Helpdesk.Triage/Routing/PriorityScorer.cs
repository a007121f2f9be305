using System.Globalization;
using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Routing;

/// <summary>
/// The priority score as a pure function, so an agent can see exactly why a case is where it is:
/// each factor is a value between 0 and 1 times its configured weight, the sum scaled to 0–100.
/// The level is the higher of the customer's own urgency and the level the score reaches, so a
/// customer who said "critical" is never handled as less than that.
/// </summary>
public static class PriorityScorer
{
    private static readonly TimeSpan LongWait = TimeSpan.FromHours(4);

    public static PriorityScore Score(PriorityInput input, PriorityMatrix matrix)
    {
        var weights = matrix.Weights;
        var reasons = new List<ScoreReason>
        {
            Reason("severity", weights.Severity, Severity(input.StatedUrgency), $"customer said {input.StatedUrgency.ToString().ToLowerInvariant()}"),
            Reason("customer tier", weights.CustomerTier, Tier(input.Tier), input.Tier is { } tier ? $"{tier} customer" : "customer not in the directory"),
            Reason("revenue risk", weights.RevenueRisk, RevenueRisk(input, matrix), RevenueExplanation(input)),
            Reason("wait time", weights.WaitTime, Math.Min(1, input.Waited / LongWait), string.Create(CultureInfo.InvariantCulture, $"waiting {(int)input.Waited.TotalMinutes} min")),
            Reason("sentiment", weights.Sentiment, Sentiment(input.Signals), input.Signals.Count == 0 ? "no frustration signals" : string.Join(", ", input.Signals)),
            Reason("channel urgency", weights.ChannelUrgency, Channel(input.Callback), input.Callback switch
            {
                CallbackChannel.Chat => "waiting in the chat",
                CallbackChannel.Phone => "wants a call",
                _ => "wants an email",
            }),
            Reason("reassignments", weights.Reassignments, Math.Min(1, input.Reassignments / 3.0), $"reassigned {input.Reassignments} times"),
        };

        var score = weights.Total <= 0 ? 0 : Math.Round(reasons.Sum(r => r.Points) / weights.Total * 100, 1);
        var level = (Urgency)Math.Max((int)input.StatedUrgency, (int)LevelOf(score, matrix.LevelThresholds));
        return new PriorityScore(score, level, reasons);
    }

    public static Urgency LevelOf(double score, IReadOnlyDictionary<Urgency, double> thresholds)
    {
        foreach (var level in (ReadOnlySpan<Urgency>)[Urgency.Critical, Urgency.High, Urgency.Medium])
        {
            if (thresholds.TryGetValue(level, out var from) && score >= from) return level;
        }

        return Urgency.Low;
    }

    private static ScoreReason Reason(string factor, double weight, double value, string explanation) =>
        new(factor, Math.Round(weight * Math.Clamp(value, 0, 1), 2), weight, explanation);

    private static double Severity(Urgency urgency) => (int)urgency / 3.0;

    private static double Tier(CustomerTier? tier) => tier switch
    {
        CustomerTier.Enterprise => 1,
        CustomerTier.Business => 0.75,
        CustomerTier.Pro => 0.5,
        CustomerTier.Plus => 0.25,
        _ => 0,
    };

    private static double RevenueRisk(PriorityInput input, PriorityMatrix matrix) =>
        (input.RenewalSoon ? 0.5 : 0)
        + (input.OpenInvoices ? 0.25 : 0)
        + (matrix.HighRevenue <= 0 ? 0 : 0.25 * Math.Min(1, (double)(input.MonthlyRevenue / matrix.HighRevenue)));

    private static string RevenueExplanation(PriorityInput input)
    {
        var parts = new List<string>();
        if (input.RenewalSoon) parts.Add("renewal due soon");
        if (input.OpenInvoices) parts.Add("open invoices");
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"EUR {input.MonthlyRevenue:0} a month"));
        return string.Join(", ", parts);
    }

    private static double Sentiment(IReadOnlyList<string> signals) =>
        FrustrationDetector.IsFrustrated(signals) || signals.Contains(FrustrationDetector.RepeatedFailure) ? 1
        : signals.Count > 0 ? 0.5
        : 0;

    private static double Channel(CallbackChannel callback) => callback switch
    {
        CallbackChannel.Chat => 1,
        CallbackChannel.Phone => 0.5,
        _ => 0,
    };
}
