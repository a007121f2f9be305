using Helpdesk.Channels.Storage;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Hosting;

/// <summary>Checkpoints the embedded database every few seconds, off the request path, and once more
/// on shutdown so the file is complete on its own.</summary>
internal sealed partial class DatabaseCheckpoints(SqliteDatabase database, TimeProvider time, ILogger<DatabaseCheckpoints> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CheckpointAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: fall through to the last checkpoint.
        }

        await CheckpointAsync(CancellationToken.None);
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.CheckpointAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            LogFailed(logger, e.Message);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Database checkpoint skipped: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}
