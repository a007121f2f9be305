using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Metrics;

/// <summary>
/// The metrics as a pure function of what happened: conversations with their outcomes, and cases
/// with their timelines. Self-service counts only conversations the customer said an article solved;
/// first response is the first agent reply (never the bot); every rate keeps its denominator.
/// </summary>
public static class MetricsCalculator
{
    public static MetricsReport Compute(IReadOnlyList<ConversationRecord> conversations, IReadOnlyList<StoredCase> cases, BusinessHours? hours, DateTimeOffset now)
    {
        // Conversations that reached a conclusion about a problem; greetings that went nowhere are not in the base.
        var decided = conversations.Where(c => c.Outcome is ConversationOutcome.ResolvedByArticle or ConversationOutcome.HandedOff or ConversationOutcome.Abandoned).ToList();
        var byIntent = decided.Where(c => c.Intent is not null).GroupBy(c => c.Intent!)
            .ToDictionary(g => g.Key, g => new Rate(g.Count(c => c.Outcome == ConversationOutcome.ResolvedByArticle), g.Count()), StringComparer.Ordinal);
        var handedOff = decided.Where(c => c.Outcome == ConversationOutcome.HandedOff).ToList();

        var responded = cases.Where(c => c.Work.FirstResponseAt is not null).ToList();
        var claimedAfter = cases.Select(c => c.Timeline.FirstOrDefault(e => e.Kind is CaseEventKinds.Claimed or CaseEventKinds.AgentReply) is { } first ? first.At - c.CreatedAt : (TimeSpan?)null)
            .OfType<TimeSpan>().ToList();
        var withDue = responded.Where(c => c.Plan?.FirstResponseDue is not null).ToList();
        var resolved = cases.Where(c => c.Work.ResolvedAt is not null && c.Plan is not null).ToList();
        var backlog = cases.Where(c => c.Work.IsOpen).Select(c => now - c.CreatedAt).Order().ToList();
        var ratings = cases.SelectMany(c => c.Timeline.Where(e => e.Kind == CaseEventKinds.Rated)).Select(e => int.Parse(e.Text!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        return new MetricsReport(
            now,
            conversations.Count,
            new Rate(decided.Count(c => c.Outcome == ConversationOutcome.ResolvedByArticle), decided.Count),
            byIntent,
            new Rate(handedOff.Count, decided.Count),
            handedOff.GroupBy(c => c.Reason?.ToString() ?? "Unknown").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            cases.Count,
            Durations(responded.Select(c => c.Work.FirstResponseAt!.Value - c.CreatedAt)),
            Durations(claimedAfter),
            new Rate(cases.Count(c => c.Work.Reassignments > 0), cases.Count),
            new Rate(withDue.Count(c => c.Work.FirstResponseAt <= c.Plan!.FirstResponseDue), withDue.Count),
            new Rate(resolved.Count(c => SlaClock.Elapsed(c.CreatedAt, c.Work.ResolvedAt!.Value, c.Work.Pauses, hours) <= c.Plan!.Targets.Resolve), resolved.Count),
            backlog.Count,
            backlog.Count == 0 ? null : backlog[^1],
            backlog.Count == 0 ? null : backlog[backlog.Count / 2],
            new Rate(cases.Count(c => c.Work.Reopened > 0), cases.Count(c => c.Work.ResolvedAt is not null || c.Work.Reopened > 0)),
            Csat(ratings),
            Csat([.. conversations.Select(c => c.BotRating).OfType<int>()]));
    }

    private static CsatFigures Csat(List<int> ratings) =>
        new(ratings.Count, ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2), new Rate(ratings.Count(r => r >= 4), ratings.Count));

    private static DurationFigures Durations(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        return sorted.Count == 0
            ? new DurationFigures(0, null, null)
            : new DurationFigures(sorted.Count, sorted[sorted.Count / 2], sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.9) - 1)]);
    }
}
