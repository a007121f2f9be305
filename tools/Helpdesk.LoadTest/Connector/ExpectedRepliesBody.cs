namespace Helpdesk.LoadTest.Connector;

/// <summary>What the bot answers to an activity sent with <c>deliveryMode: expectReplies</c>: its replies.</summary>
internal sealed record ExpectedRepliesBody(IReadOnlyList<BotActivity>? Activities);
