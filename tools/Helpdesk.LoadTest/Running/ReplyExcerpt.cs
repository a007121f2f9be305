namespace Helpdesk.LoadTest.Running;

/// <summary>A bot reply shortened to one line for a failure's detail.</summary>
internal static class ReplyExcerpt
{
    // Enough of a reply to see what the bot said instead of the expected reference.
    private const int Length = 160;

    public static string Of(string? text) => text switch
    {
        null => "(no text)",
        { Length: > Length } => text[..Length].ReplaceLineEndings(" ") + "…",
        _ => text.ReplaceLineEndings(" "),
    };
}
