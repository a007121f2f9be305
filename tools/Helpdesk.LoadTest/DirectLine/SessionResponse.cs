namespace Helpdesk.LoadTest.DirectLine;

/// <summary>What the chat page's session endpoint hands a new visitor: a token for one conversation.</summary>
internal sealed record SessionResponse(string? Token, string? ConversationId, string? UserId, int ExpiresIn);
