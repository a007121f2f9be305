namespace Helpdesk.Channels.Schema;

/// <summary>The id a channel assigned to an activity it accepted (Direct Line and the Connector alike).</summary>
public sealed record ResourceResponse(string Id);
