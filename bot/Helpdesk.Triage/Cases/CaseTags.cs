using System.Text.RegularExpressions;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Cases;

/// <summary>What a tag may look like, and the tags a case starts with from its triage.</summary>
public static partial class CaseTags
{
    public const int MaxLength = 40;

    public const int MaxPerCase = 20;

    /// <summary>The tag in its one spelling (trimmed, lower case, spaces as dashes), or null when it is not a valid tag.</summary>
    public static string? Normalize(string tag)
    {
        var normal = Spaces().Replace(tag.Trim().ToLowerInvariant(), "-");
        return normal.Length <= MaxLength && Allowed().IsMatch(normal) ? normal : null;
    }

    /// <summary>Tags from what the triage learned: the intent, the channel, frustration, the customer's
    /// tier, critical urgency and overflow — so agents can filter and report without tagging by hand.</summary>
    public static IReadOnlyList<string> Initial(CaseDraft draft, HandoffPlan? plan)
    {
        var tags = new List<string?>
        {
            draft.Intent is { } intent ? Normalize(intent.Label.Replace('_', '-')) : null,
            Normalize(draft.ChannelId),
            draft.Reason == Dialog.HandoffReason.Frustrated || draft.Signals.Count > 0 ? "frustrated" : null,
            plan?.Customer is { } customer ? Normalize(customer.Tier.ToString()) : null,
            plan?.Customer is { IsVip: true } ? "vip" : null,
            plan?.Priority.Level == Entities.Urgency.Critical ? "critical" : null,
            plan?.Overflowed == true ? "overflow" : null,
        };
        return [.. tags.OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
