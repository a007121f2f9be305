namespace Helpdesk.Triage.Dialog;

/// <summary>What happened in a turn, independent of the channel: the customer joined, said something
/// (typed, or a button or card answer, which arrives as the same text), or the engagement hub that a
/// handoff went to reported how it goes.</summary>
/// <param name="Text">What the customer said; for a handoff status, the hub's explanation, if it gave one.</param>
public sealed record TurnInput(TurnKind Kind, string Text, DateTimeOffset At, string ChannelId)
{
    /// <summary>The channel's id of the activity, when it gave one.</summary>
    public string? ActivityId { get; init; }

    /// <summary>What the hub reported, on a <see cref="TurnKind.HandoffStatus"/> turn.</summary>
    public HandoffStatus? Handoff { get; init; }

    public static TurnInput Join(DateTimeOffset at, string channelId) => new(TurnKind.Join, "", at, channelId);

    public static TurnInput Message(string text, DateTimeOffset at, string channelId) => new(TurnKind.Message, text, at, channelId);

    public static TurnInput HandoffReport(HandoffStatus status, string? explanation, DateTimeOffset at, string channelId) =>
        new(TurnKind.HandoffStatus, explanation ?? "", at, channelId) { Handoff = status };

    public static TurnInput Uninstall(DateTimeOffset at, string channelId) => new(TurnKind.Uninstalled, "", at, channelId);
}

public enum TurnKind
{
    Join,
    Message,
    HandoffStatus,

    /// <summary>The customer removed the bot (a Teams app uninstalled): nothing is said, and nothing may be sent there any more.</summary>
    Uninstalled,
}
