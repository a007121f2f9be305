namespace Helpdesk.LoadTest.Running;

/// <summary>
/// One conversation's outcome and timings, one entry per successful step, so a conversation that
/// failed halfway still contributes the turns it made. What each figure measures depends on the channel:
/// <list type="bullet">
/// <item><see cref="Start"/>: over Direct Line the session plus the start of the conversation; over
/// the Bot Connector from the <c>conversationUpdate</c> to the bot's welcome.</item>
/// <item><see cref="TurnLatencies"/>: over Direct Line the POST of a message, which the host holds until
/// the turn is handled; over the Bot Connector from the message to the bot's first reply at the channel.</item>
/// <item><see cref="GetLatencies"/>: the GET of activities after each message (Direct Line only).</item>
/// <item><see cref="AckLatencies"/>: the POST to <c>/api/messages</c>, answered before the turn runs (Bot Connector only).</item>
/// </list>
/// </summary>
internal sealed record ConversationResult(
    int Index,
    int Turns,
    string? Reference,
    ConversationFailure? Failure,
    TimeSpan? Start,
    IReadOnlyList<TimeSpan> TurnLatencies,
    IReadOnlyList<TimeSpan> GetLatencies,
    IReadOnlyList<TimeSpan> AckLatencies)
{
    public bool Completed => Failure is null;
}
