using Helpdesk.Bot.Conversation;
using Helpdesk.Bot.Hosting;
using Helpdesk.Channels.DirectLine;

namespace Helpdesk.Bot.Endpoints;

/// <summary>The customer chat: the page's session endpoint and the Direct Line it talks to.</summary>
internal static class ChatEndpoints
{
    public static WebApplication MapChatEndpoints(this WebApplication app)
    {
        app.MapPost("/api/chat/session", (DirectLineServer server) =>
        {
            var issued = server.NewConversation(userId: null);
            return Results.Json(new ChatSession(issued.Token, issued.ConversationId, issued.UserId, issued.ExpiresIn), BotJsonContext.Default.ChatSession);
        }).DisableAntiforgery().RequireCors(ConversationRegistration.ChatSessionCorsPolicy);
        app.MapDirectLine();
        return app;
    }
}
