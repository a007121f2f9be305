using Helpdesk.Channels.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// With several hosts on one PostgreSQL database, a customer's WebSocket stream may be open on one
/// host while their message (and the bot's reply) is recorded by another. This listens for the log's
/// notifications and wakes the stream here, which reads the new activities from the shared log.
/// A lost connection is reopened, and every stream then catches up, since notifications sent
/// meanwhile are gone.
/// </summary>
public sealed partial class ConversationAppendListener(PostgresDatabase database, ConversationStreams streams, ILogger<ConversationAppendListener> logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await database.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => streams.Wake(notification.Payload);
                await connection.RunAsync($"LISTEN {SqlConversationLog.AppendedChannel}", stoppingToken);
                streams.WakeAll();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                LogLost(logger, e.Message);
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Listening for other hosts' Direct Line activities failed, retrying: {Problem}")]
    private static partial void LogLost(ILogger logger, string problem);
}
