using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Triage.Customers;

/// <summary>
/// The customer directory an operator keeps in one JSON file (<c>{ "customers": [ … ] }</c>,
/// camelCase, comments and trailing commas allowed). The file is checked as a whole when loaded:
/// a bad file stops the start with every problem listed, and a bad edit while running is logged
/// and ignored, so the last good version keeps answering. Lookups read one immutable snapshot
/// that a reload replaces whole; they never lock and never see half a file.
/// </summary>
public sealed partial class FileCustomerDirectory : ICustomerDirectory, IDisposable
{
    /// <summary>The shipped account ID shape, the same default as <c>Entities:AccountIdPattern</c>.</summary>
    public const string DefaultAccountIdPattern = @"ACC-\d{5}";

    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(300);

    private readonly Regex _accountIdPattern;
    private readonly ILogger _logger;
    private readonly Lock _reloadGate = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _debounce;
    private InMemoryCustomerDirectory _current;
    private IReadOnlyList<string> _problems = [];

    /// <param name="path">The customers file.</param>
    /// <param name="accountIdPattern">A .NET regular expression every account ID must match whole (case-insensitively).</param>
    /// <param name="watch">Reload when the file changes; off for tests and one-shot tools.</param>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    /// <exception cref="InvalidDataException">The file has problems; the message lists each on its own line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public FileCustomerDirectory(string path, TimeProvider timeProvider, ILogger<FileCustomerDirectory> logger,
        string accountIdPattern = DefaultAccountIdPattern, bool watch = true)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        FilePath = Path.GetFullPath(path);
        _logger = logger;
        try
        {
            _accountIdPattern = CustomerFileReader.AccountIdRegex(accountIdPattern);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The account ID pattern is not a valid regular expression: {e.Message}", nameof(accountIdPattern), e);
        }

        // At start a bad file is fatal: running with no customers would quietly score everyone as unknown.
        _current = new InMemoryCustomerDirectory(CustomerFileReader.Read(FilePath, _accountIdPattern));
        LogLoaded(_logger, FilePath, _current.Customers.Count);
        if (!watch) return;

        // Editors and copy tools write a file in several steps; wait until events stop arriving.
        _debounce = timeProvider.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(FilePath)!, Path.GetFileName(FilePath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => ScheduleReload();
        _watcher.Created += (_, _) => ScheduleReload();
        _watcher.Renamed += (_, _) => ScheduleReload();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after a changed file has been loaded and swapped in.</summary>
    public event EventHandler<InMemoryCustomerDirectory>? Reloaded;

    public string FilePath { get; }

    /// <summary>The customers being served: the last version of the file that had no problems.</summary>
    public InMemoryCustomerDirectory Current => Volatile.Read(ref _current);

    /// <summary>What was wrong with the file at the last reload; empty when it loaded.</summary>
    public IReadOnlyList<string> Problems => Volatile.Read(ref _problems);

    public ValueTask<CustomerRecord?> FindAsync(CustomerIdentity identity, CancellationToken ct) => Current.FindAsync(identity, ct);

    /// <summary>
    /// Loads the file now. Returns false, logs a warning and keeps serving the current customers
    /// when the file has problems or cannot be read (mid-save, deleted, locked).
    /// </summary>
    public bool Reload()
    {
        InMemoryCustomerDirectory next;
        lock (_reloadGate)
        {
            try
            {
                next = new InMemoryCustomerDirectory(CustomerFileReader.Read(FilePath, _accountIdPattern));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Volatile.Write(ref _problems, e is InvalidDataException ? e.Message.Split('\n') : [$"{FilePath}: {e.Message}"]);
                LogNotReloaded(_logger, FilePath, Current.Customers.Count, e.Message);
                return false;
            }

            Volatile.Write(ref _current, next);
            Volatile.Write(ref _problems, []);
            LogLoaded(_logger, FilePath, next.Customers.Count);
        }

        Reloaded?.Invoke(this, next);
        return true;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void ScheduleReload() => _debounce?.Change(SettleDelay, Timeout.InfiniteTimeSpan);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Customer directory loaded from {Path}: {Customers} customers")]
    private static partial void LogLoaded(ILogger logger, string path, int customers);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Customer directory {Path} not reloaded; the last good version ({Customers} customers) stays in use.\n{Problems}")]
    private static partial void LogNotReloaded(ILogger logger, string path, int customers, string problems);
}
