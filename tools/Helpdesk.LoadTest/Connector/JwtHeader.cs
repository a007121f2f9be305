namespace Helpdesk.LoadTest.Connector;

/// <summary>A JWT's header: the algorithm and which published key signed it.</summary>
internal sealed record JwtHeader(string Alg, string Typ, string Kid);
