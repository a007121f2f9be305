using System.Threading.Channels;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// Runs the turns that arrive on <c>/api/messages</c> after the request has been answered, so the
/// channel gets its 200 at once whatever the turn waits for, and sends the replies through the
/// Connector. Activities are spread over lanes by conversation: one conversation's turns stay in
/// order, different conversations run side by side.
/// </summary>
public sealed partial class ConnectorTurns(IDirectLineBot bot, ConnectorClient connector, ILogger<ConnectorTurns> logger) : BackgroundService
{
    private const int Lanes = 8;
    private const int LaneCapacity = 1000;
    private readonly Channel<Activity>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<Activity>(LaneCapacity))];

    /// <summary>Queues the turn; false when its lane is full (the channel should try again later).</summary>
    public bool TryEnqueue(Activity activity) => _lanes[LaneOf(activity.Conversation?.Id)].Writer.TryWrite(activity);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader, stoppingToken), stoppingToken)));

    private async Task RunLaneAsync(ChannelReader<Activity> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in lane.ReadAllAsync(stoppingToken))
            {
                await RunTurnAsync(activity, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunTurnAsync(Activity activity, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var reply in await bot.OnActivityAsync(activity, stoppingToken))
            {
                await connector.ReplyAsync(activity, reply, stoppingToken);
            }
        }
        catch (ConnectorException e)
        {
            LogReplyFailed(logger, activity.Conversation?.Id, e.Status, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTurnFailed(logger, e, activity.Conversation?.Id);
        }
    }

    private static int LaneOf(string? conversationId) => (int)((uint)StringComparer.Ordinal.GetHashCode(conversationId ?? "") % Lanes);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "A reply in conversation {ConversationId} could not be delivered ({Status}): {Problem}")]
    private static partial void LogReplyFailed(ILogger logger, string? conversationId, int status, string problem);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "The turn in conversation {ConversationId} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? conversationId);
}
