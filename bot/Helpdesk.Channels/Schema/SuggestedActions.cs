namespace Helpdesk.Channels.Schema;

/// <summary>Buttons shown under the latest message; <c>to</c> limits them to some recipients.</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }

    public required IReadOnlyList<CardAction> Actions { get; init; }
}
