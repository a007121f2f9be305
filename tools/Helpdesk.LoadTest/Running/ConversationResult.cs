namespace Helpdesk.LoadTest.Running;

/// <summary>
/// One conversation's outcome and timings. <see cref="Start"/> is the session plus the start of the
/// conversation; the latency lists hold one entry per successful POST or GET of activities, so a
/// conversation that failed halfway still contributes the turns it made.
/// </summary>
internal sealed record ConversationResult(
    int Index,
    int Turns,
    string? Reference,
    ConversationFailure? Failure,
    TimeSpan? Start,
    IReadOnlyList<TimeSpan> PostLatencies,
    IReadOnlyList<TimeSpan> GetLatencies)
{
    public bool Completed => Failure is null;
}
