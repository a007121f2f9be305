namespace Helpdesk.Bot.Conversation;

/// <summary>What the chat page gets to start Web Chat: a token for one new conversation, never the secret.</summary>
internal sealed record ChatSession(string Token, string ConversationId, string UserId, int ExpiresIn);
