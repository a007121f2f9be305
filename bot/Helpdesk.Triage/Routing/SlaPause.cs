namespace Helpdesk.Triage.Routing;

/// <summary>A stretch when the SLA clock stood still (waiting on the customer or a third party);
/// <paramref name="Until"/> is null while it still stands.</summary>
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? Until);
