using Helpdesk.Channels.DirectLine;

namespace Helpdesk.Bot.Agents;

/// <summary>Messages into our own Direct Line: recorded in the conversation and pushed to its open
/// stream. Agents appear under their own name (as the bot's side of the chat, which is where Web Chat shows them).</summary>
internal sealed class DirectLineCustomerChannel(DirectLineServer server) : ICustomerChannel
{
    public Task<bool> SendAsync(string conversationId, string? agentId, string? agentName, string text, CancellationToken cancellationToken) =>
        server.SendAsync(
            conversationId,
            agentId is null ? server.Bot : new Channels.Schema.ChannelAccount { Id = "agent:" + agentId, Name = agentName, Role = "bot" },
            text,
            cancellationToken);
}
