namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// What the Connector and the token endpoint saw. Replies count every activity the bot sent to a
/// conversation (messages among them); unknown replies are messages answering no activity this run
/// posted; bad tokens are Connector calls refused because their bearer token was not one the token
/// endpoint issued; refused token requests had the wrong client id or secret.
/// </summary>
internal sealed record ConnectorTally(
    int Replies,
    int Messages,
    int UnknownReplies,
    int Updates,
    int Deletes,
    int BadTokens,
    int Unreadable,
    int TokenRequests,
    int RefusedTokenRequests);
