using Helpdesk.Channels.Storage;
using Helpdesk.Tests.Shared;

namespace Helpdesk.Tests.Databases;

/// <summary>
/// Fresh databases of one kind for a store contract suite: SQLite files in a temporary folder, or
/// new databases in the throwaway PostgreSQL cluster. Everything created is disposed with it.
/// </summary>
public sealed class TestDatabases : IDisposable
{
    private readonly Func<Task<SqlDatabase>> _create;
    private readonly List<SqlDatabase> _created = [];
    private readonly TemporaryDirectory? _directory;

    private TestDatabases(Func<Task<SqlDatabase>> create, TemporaryDirectory? directory)
    {
        _create = create;
        _directory = directory;
    }

    public static TestDatabases Sqlite()
    {
        var directory = new TemporaryDirectory();
        return new(() => Task.FromResult<SqlDatabase>(new SqliteDatabase(directory.Path(Guid.NewGuid().ToString("N") + ".db"))), directory);
    }

    public static TestDatabases PostgreSql(PostgresCluster cluster) =>
        new(async () => new PostgresDatabase(await cluster.CreateDatabaseAsync()), null);

    /// <summary>A new, empty database; on PostgreSQL, skips the test when no server can be started.</summary>
    public async Task<SqlDatabase> CreateAsync()
    {
        var database = await _create();
        _created.Add(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in _created) database.Dispose();
        _directory?.Dispose();
    }
}
