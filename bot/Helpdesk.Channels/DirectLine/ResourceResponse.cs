namespace Helpdesk.Channels.DirectLine;

/// <summary>The id assigned to a posted activity.</summary>
public sealed record ResourceResponse(string Id);
