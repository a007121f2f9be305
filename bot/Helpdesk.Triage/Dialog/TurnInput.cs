namespace Helpdesk.Triage.Dialog;

/// <summary>What happened in a turn, independent of the channel: the customer joined, or said something
/// (typed, or a button or card answer, which arrives as the same text).</summary>
public sealed record TurnInput(TurnKind Kind, string Text, DateTimeOffset At, string ChannelId)
{
    /// <summary>The channel's id of the activity, when it gave one.</summary>
    public string? ActivityId { get; init; }

    public static TurnInput Join(DateTimeOffset at, string channelId) => new(TurnKind.Join, "", at, channelId);

    public static TurnInput Message(string text, DateTimeOffset at, string channelId) => new(TurnKind.Message, text, at, channelId);
}

public enum TurnKind
{
    Join,
    Message,
}
