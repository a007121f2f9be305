namespace Helpdesk.LoadTest.Running;

/// <summary>
/// Plays the script as one customer over one channel. A runner never throws for what the server
/// does: the first thing that goes wrong ends the conversation and is recorded in its result.
/// </summary>
internal interface IConversationRunner
{
    Task<ConversationResult> RunAsync(int index, CancellationToken cancellationToken);
}
