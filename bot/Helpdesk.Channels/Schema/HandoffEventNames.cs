namespace Helpdesk.Channels.Schema;

/// <summary>The Bot Framework's handoff events: the bot asks an engagement hub to give the conversation
/// to a person with <see cref="Initiate"/>, and the hub reports back how that goes with <see cref="Status"/>.</summary>
public static class HandoffEventNames
{
    public const string Initiate = "handoff.initiate";

    /// <summary>Its value is <c>{ "state": "accepted" | "failed" | "completed", "message"?: "…" }</c>.</summary>
    public const string Status = "handoff.status";
}
