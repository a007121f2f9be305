namespace Helpdesk.Channels.Schema;

/// <summary>The Connector's Transcript object, <c>{ "activities": [...] }</c>: what a handoff event
/// attaches as the conversation so far (not the <c>.transcript</c> file format, which is a bare array).</summary>
public sealed record Transcript
{
    public required IReadOnlyList<Activity> Activities { get; init; }
}
