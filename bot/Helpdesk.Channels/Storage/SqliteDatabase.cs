using System.Data.Common;
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
public sealed class SqliteDatabase : SqlDatabase
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

    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(Open());

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
    public override async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
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

    public override void Dispose()
    {
        _writer.Dispose();
        base.Dispose();
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
