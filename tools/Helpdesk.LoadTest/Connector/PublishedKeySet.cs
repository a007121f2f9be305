namespace Helpdesk.LoadTest.Connector;

/// <summary>The JWKS document at <c>jwks_uri</c>.</summary>
internal sealed record PublishedKeySet(IReadOnlyList<PublishedKey> Keys);
