namespace Helpdesk.Bot.Agents;

/// <summary>The "Console" configuration: disposition codes and canned replies agents pick from, and
/// how often open cases are checked for escalation.</summary>
internal sealed class ConsoleOptions
{
    public const string Section = "Console";

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan EscalationSweep { get; set; } = TimeSpan.FromSeconds(30);

    public List<string> Dispositions { get; set; } = [];

    public List<CannedReply> CannedReplies { get; set; } = [];
}

/// <summary>A ready-made reply an agent inserts and edits.</summary>
internal sealed record CannedReply(string Title, string Text);
