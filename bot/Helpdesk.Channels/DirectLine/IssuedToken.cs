namespace Helpdesk.Channels.DirectLine;

/// <summary>A conversation token as Direct Line returns it: the token, its conversation and its lifetime.</summary>
public sealed record IssuedToken(string Token, string ConversationId, string UserId, int ExpiresIn);
