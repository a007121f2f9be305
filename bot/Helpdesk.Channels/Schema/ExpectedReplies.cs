namespace Helpdesk.Channels.Schema;

/// <summary>The answer to an activity sent with <c>deliveryMode: expectReplies</c>: the bot's replies in
/// the HTTP response, <c>{ "activities": [...] }</c>, instead of calls back to the channel.</summary>
public sealed record ExpectedReplies
{
    public required IReadOnlyList<Activity> Activities { get; init; }
}

/// <summary>The <c>deliveryMode</c> values the bot acts on.</summary>
public static class DeliveryModes
{
    public const string ExpectReplies = "expectReplies";
}
