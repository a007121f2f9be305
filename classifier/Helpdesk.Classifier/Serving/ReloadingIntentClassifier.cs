using Helpdesk.Classifier.Model;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Classifier.Serving;

/// <summary>
/// Serves predictions from the current model and swaps in a newly written model file without a
/// restart. Readers never lock: a reload builds a complete model and replaces one reference. A
/// file that fails to load is logged and ignored, and the previous model keeps serving.
/// </summary>
public sealed partial class ReloadingIntentClassifier : IIntentClassifier, IDisposable
{
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(300);

    private readonly string _modelPath;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _debounce;
    private IntentModel _current;

    public ReloadingIntentClassifier(string modelPath, IntentModel initial, TimeProvider timeProvider, ILogger<ReloadingIntentClassifier> logger)
    {
        _modelPath = Path.GetFullPath(modelPath);
        _current = initial;
        _logger = logger;

        // Editors and copy tools write a file in several steps; wait until events stop arriving.
        _debounce = timeProvider.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_modelPath)!, Path.GetFileName(_modelPath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => ScheduleReload();
        _watcher.Created += (_, _) => ScheduleReload();
        _watcher.Renamed += (_, _) => ScheduleReload();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after a new model has been swapped in.</summary>
    public event EventHandler<IntentModel>? Reloaded;

    public IntentModel Current => Volatile.Read(ref _current);

    public IntentPrediction Predict(string? text, int top = 3) => Current.Predict(text, top);

    /// <summary>Loads the model file now; returns false (and keeps the current model) when it cannot be used.</summary>
    public bool Reload()
    {
        IntentModel next;
        try
        {
            next = IntentModelFile.Load(_modelPath);
        }
        catch (IntentModelFormatException e)
        {
            LogReloadFailed(_logger, e.Message);
            return false;
        }

        Volatile.Write(ref _current, next);
        LogReloaded(_logger, _modelPath, next.Labels.Count, next.Metadata.TrainedAt);
        Reloaded?.Invoke(this, next);
        return true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private void ScheduleReload() => _debounce.Change(SettleDelay, Timeout.InfiniteTimeSpan);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Intent model reloaded from {Path}: {Labels} labels, trained {TrainedAt:u}")]
    private static partial void LogReloaded(ILogger logger, string path, int labels, DateTimeOffset trainedAt);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Intent model not reloaded; the previous model keeps serving. {Problem}")]
    private static partial void LogReloadFailed(ILogger logger, string problem);
}
