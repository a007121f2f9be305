using Helpdesk.LoadTest.Connector;

namespace Helpdesk.LoadTest.Reporting;

/// <summary>
/// What the tool's stand-in for Azure Bot Service saw in connector mode (see <see cref="ConnectorTally"/>).
/// A Connector call with a bad token means the host sent a reply with a token the token endpoint never
/// gave it, which a real channel would refuse too: that fails the run, as does a reply that is no activity.
/// </summary>
internal sealed record ConnectorReport(
    string Listen,
    string AppId,
    string Issuer,
    bool ExpectReplies,
    int RepliesReceived,
    int MessagesReceived,
    int TokenRequests,
    int RefusedTokenRequests,
    int BadTokens,
    int UnreadableReplies,
    int RepliesToUnknownActivities,
    int Updates,
    int Deletes)
{
    public bool Passed => BadTokens == 0 && UnreadableReplies == 0;

    public static ConnectorReport Create(ConnectorSettings settings, ConnectorTally tally) => new(
        settings.ServiceUrl,
        settings.AppId,
        settings.Issuer,
        settings.ExpectReplies,
        tally.Replies,
        tally.Messages,
        tally.TokenRequests,
        tally.RefusedTokenRequests,
        tally.BadTokens,
        tally.Unreadable,
        tally.UnknownReplies,
        tally.Updates,
        tally.Deletes);
}
