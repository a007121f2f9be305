using Helpdesk.Channels.BotConnector;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Storage;

namespace Helpdesk.Bot.Agents;

/// <summary>
/// Messages into the customer's conversation, wherever it lives. Our own Direct Line records them and
/// pushes them to the open stream, with the agent under their own name (on the bot's side of the chat,
/// where Web Chat shows them). A Bot Connector conversation (Teams, or Web Chat through Azure Bot
/// Service) gets them through the Connector at the address its customer last wrote from; the bot is the
/// sender there, so an agent's message starts with their name.
/// </summary>
internal sealed class CustomerChannel(DirectLineServer directLine, ITriageStore conversations, ConnectorClient connector) : ICustomerChannel
{
    public async Task<bool> SendAsync(string conversationId, string? agentId, string? agentName, string text, CancellationToken cancellationToken)
    {
        if (await directLine.ExistsAsync(conversationId, cancellationToken))
        {
            var message = new Activity
            {
                Type = ActivityTypes.Message,
                From = agentId is null ? null : new ChannelAccount { Id = "agent:" + agentId, Name = agentName, Role = "bot" },
                Text = text,
                TextFormat = "plain",
            };
            return await directLine.SendAsync(conversationId, message, idempotencyKey: null, cancellationToken) is not null;
        }

        if ((await conversations.LoadAsync(conversationId, cancellationToken))?.State.ReplyAddress is not { } address) return false;
        try
        {
            await connector.SendAsync(address.ServiceUrl, conversationId, new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = address.ChannelId,
                From = new ChannelAccount { Id = address.BotId, Name = address.BotName },
                Conversation = new ConversationAccount { Id = conversationId },
                Text = agentId is null ? text : $"{agentName ?? agentId}: {text}",
                TextFormat = "plain",
            }, cancellationToken);
            return true;
        }
        catch (ConnectorException)
        {
            return false;
        }
    }
}
