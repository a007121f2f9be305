namespace Helpdesk.Bot.Agents;

/// <summary>Sends words into the customer's conversation, on whatever channel it lives: an agent's
/// reply, or the bot's own message (the rating question after resolution).</summary>
internal interface ICustomerChannel
{
    /// <param name="agentId">The agent speaking; null for the bot.</param>
    /// <returns>False when the conversation is unknown to the channel.</returns>
    Task<bool> SendAsync(string conversationId, string? agentId, string? agentName, string text, CancellationToken cancellationToken);
}
