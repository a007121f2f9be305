namespace Helpdesk.Bot.Agents;

/// <summary>The "Console" configuration: disposition codes and canned replies agents pick from.</summary>
internal sealed class ConsoleOptions
{
    public const string Section = "Console";

    public List<string> Dispositions { get; set; } = [];

    public List<CannedReply> CannedReplies { get; set; } = [];
}

/// <summary>A ready-made reply an agent inserts and edits.</summary>
internal sealed record CannedReply(string Title, string Text);
