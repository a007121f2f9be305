namespace Helpdesk.LoadTest.DirectLine;

/// <summary>The id the channel assigned to a posted activity.</summary>
internal sealed record ResourceResponse(string? Id);
