namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// An RSA public key as Azure Bot Service publishes it: modulus and exponent in base64url, and the
/// Bot Framework's <c>endorsements</c>, the channels a token signed with it may speak for.
/// </summary>
internal sealed record PublishedKey(string Kty, string Use, string Kid, string N, string E, IReadOnlyList<string> Endorsements);
