namespace Helpdesk.Triage.Cases;

/// <summary>What a customer may see of their own case.</summary>
public sealed record CaseStatusView(string Reference, string Status, DateTimeOffset OpenedAt);
