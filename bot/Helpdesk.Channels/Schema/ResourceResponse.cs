namespace Helpdesk.Channels.Schema;

/// <summary>The id a channel assigned to an activity it recorded.</summary>
public sealed record ResourceResponse(string Id);
