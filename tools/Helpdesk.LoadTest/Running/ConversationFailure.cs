namespace Helpdesk.LoadTest.Running;

/// <summary>
/// Why a conversation stopped. <see cref="Kind"/> is what failures are counted by (the call and the
/// status, or what was missing); <see cref="Detail"/> is what the server said. Turn 0 is the start.
/// </summary>
internal sealed record ConversationFailure(int Conversation, int Turn, string Kind, string Detail);
