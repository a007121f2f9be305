namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// One activity the bot sent to the Connector, as it arrived. <see cref="ArrivedTimestamp"/> is a
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp, so a turn's latency is measured on the same
/// clock as its POST and ends when the reply arrived, not when a waiting conversation got to see it.
/// </summary>
internal sealed record RecordedBotActivity(
    string ConversationId,
    string? Type,
    string? Text,
    int Attachments,
    string? ReplyToId,
    DateTimeOffset ArrivedAt,
    long ArrivedTimestamp)
{
    public bool IsMessage => Type == "message";
}
