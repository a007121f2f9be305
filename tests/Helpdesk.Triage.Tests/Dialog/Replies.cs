using Helpdesk.Channels.Schema;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>Reading a turn's replies the way a customer sees them.</summary>
internal static class Replies
{
    public static string Text(this IReadOnlyList<Activity> replies) => string.Join("\n", replies.Select(r => r.Text).Where(t => t is not null));

    public static IReadOnlyList<string> Choices(this IReadOnlyList<Activity> replies) =>
        replies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions!.Actions.Select(a => a.Title!).ToList() ?? [];

    public static string? Reference(this IReadOnlyList<Activity> replies) => Triage.Cases.CaseReference.Find(replies.Text());
}
