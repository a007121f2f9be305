namespace Helpdesk.LoadTest.DirectLine;

/// <summary>What every call in one started conversation needs: its id, its token and the customer's user id.</summary>
internal sealed record ConversationHandle(string Id, string Token, string UserId);
