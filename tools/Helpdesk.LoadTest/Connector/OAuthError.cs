namespace Helpdesk.LoadTest.Connector;

/// <summary>An OAuth 2.0 error answer, e.g. <c>{"error":"invalid_client"}</c>.</summary>
internal sealed record OAuthError(string Error);
