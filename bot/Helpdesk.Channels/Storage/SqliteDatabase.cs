using Microsoft.Data.Sqlite;

namespace Helpdesk.Channels.Storage;

/// <summary>
/// The embedded database file every store of the host shares. WAL lets readers run beside the one
/// writer; synchronous=NORMAL (the usual pairing with WAL) syncs at checkpoints rather than on every
/// commit, so a crash of the process loses nothing and only a power cut can lose the last commits.
/// Checkpoints (copying the WAL back into the file) run from <see cref="CheckpointAsync"/> on a
/// timer rather than inside whichever commit crosses SQLite's threshold, so no turn waits for one.
/// Writers take turns through <see cref="EnterWriteAsync"/>: SQLite allows one writer at a time, and
/// a writer that finds the file locked sleeps in 150 ms steps, which would put those pauses on turns.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>Past this size the write-ahead log is truncated even if writers have to wait for it.</summary>
    private const long MaxWalBytes = 64 * 1024 * 1024;

    private readonly string _connectionString;
    private readonly string _walPath;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _walPath = Path.GetFullPath(path) + "-wal";
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL";
        wal.ExecuteNonQuery();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Waits for this process's turn to write; dispose the result when the write is done.</summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new WriteTurn(_writer);
    }

    /// <summary>Copies committed pages from the WAL into the database file without blocking writers.
    /// Under steady traffic a passive checkpoint never finds a moment without readers, so the log is
    /// never rewound; once it passes <see cref="MaxWalBytes"/> writers pause for one truncating checkpoint.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var truncate = File.Exists(_walPath) && new FileInfo(_walPath).Length > MaxWalBytes;
        using var write = truncate ? await EnterWriteAsync(cancellationToken) : null;
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// Brings one component's tables up to date: <paramref name="steps"/> are its schema versions in
    /// order (never edit a shipped step; append a new one), and the ones this file has not seen yet
    /// run in one transaction at start, so an upgrade either completes or changes nothing.
    /// </summary>
    public void Migrate(string component, IReadOnlyList<string> steps)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var table = connection.CreateCommand())
        {
            table.CommandText = "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)";
            table.ExecuteNonQuery();
        }

        using var current = connection.CreateCommand();
        current.CommandText = "SELECT version FROM schema_versions WHERE component = $component";
        current.Parameters.AddWithValue("$component", component);
        var version = current.ExecuteScalar() is long found ? (int)found : 0;
        if (version > steps.Count)
        {
            throw new InvalidOperationException($"The database's {component} schema is version {version}, newer than this build knows ({steps.Count}); run a newer build.");
        }

        for (var step = version; step < steps.Count; step++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = steps[step];
            command.ExecuteNonQuery();
        }

        using var record = connection.CreateCommand();
        record.CommandText = "INSERT INTO schema_versions (component, version) VALUES ($component, $version) ON CONFLICT (component) DO UPDATE SET version = excluded.version";
        record.Parameters.AddWithValue("$component", component);
        record.Parameters.AddWithValue("$version", steps.Count);
        record.ExecuteNonQuery();
        transaction.Commit();
    }

    private sealed class WriteTurn(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) writer.Release();
        }
    }
}
