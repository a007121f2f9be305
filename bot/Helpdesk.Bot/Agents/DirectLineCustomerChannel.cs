using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;

namespace Helpdesk.Bot.Agents;

/// <summary>Messages into our own Direct Line: recorded in the conversation and pushed to its open
/// stream. Agents appear under their own name (as the bot's side of the chat, which is where Web Chat shows them).</summary>
internal sealed class DirectLineCustomerChannel(DirectLineServer server) : ICustomerChannel
{
    public async Task<bool> SendAsync(string conversationId, string? agentId, string? agentName, string text, CancellationToken cancellationToken)
    {
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            From = agentId is null ? null : new ChannelAccount { Id = "agent:" + agentId, Name = agentName, Role = "bot" },
            Text = text,
            TextFormat = "plain",
        };
        return await server.SendAsync(conversationId, message, idempotencyKey: null, cancellationToken) is not null;
    }
}
