namespace Helpdesk.Triage.Customers;

/// <summary>A Teams user mapped to an account. Object ids are only unique within a tenant, so
/// both parts identify the user.</summary>
public sealed record TeamsUser(string AadObjectId, string TenantId);
