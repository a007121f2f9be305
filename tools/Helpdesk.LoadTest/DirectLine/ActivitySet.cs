namespace Helpdesk.LoadTest.DirectLine;

/// <summary>The activities recorded since a watermark, and the watermark to ask from next time.</summary>
internal sealed record ActivitySet(IReadOnlyList<ReceivedActivity>? Activities, string? Watermark);
