using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.DirectLine;

/// <summary>Activities after a watermark, and the watermark to send next time (GET activities and stream frames).</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);
