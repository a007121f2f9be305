using System.Data.Common;

namespace Helpdesk.Channels.Storage;

/// <summary>
/// A relational database the stores share: the embedded SQLite file by default, or a PostgreSQL
/// server when configured. Stores write one SQL text for both where the two agree (named
/// <c>@parameters</c>, <c>ON CONFLICT</c>, <c>LIMIT</c>) and ask <see cref="Kind"/> where they differ
/// (schemas, sequences, row locks).
/// </summary>
public abstract class SqlDatabase : IDisposable
{
    public abstract DatabaseKind Kind { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Waits for this process's turn to write when the database allows one writer at a time
    /// (SQLite); a no-op where the server arbitrates concurrent writers (PostgreSQL). Dispose the result.</summary>
    public abstract Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken);

    /// <summary><c> FOR UPDATE</c> where rows can be locked; empty where the single writer already excludes others.</summary>
    public string ForUpdate => Kind == DatabaseKind.PostgreSql ? " FOR UPDATE" : "";

    /// <summary><c> FOR UPDATE SKIP LOCKED</c>: take a row no other transaction is working on, without waiting.</summary>
    public string ForUpdateSkipLocked => Kind == DatabaseKind.PostgreSql ? " FOR UPDATE SKIP LOCKED" : "";

    /// <summary>
    /// Brings one component's tables up to date: the steps for this kind of database are its schema
    /// versions in order (never edit a shipped step; append a new one), and the ones this database has
    /// not seen yet run in one transaction at start, so an upgrade either completes or changes nothing.
    /// </summary>
    public void Migrate(string component, SchemaSteps steps)
    {
        var ordered = Kind == DatabaseKind.PostgreSql ? steps.PostgreSql : steps.Sqlite;
        using var connection = OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var transaction = connection.BeginTransaction();
        if (Kind == DatabaseKind.PostgreSql)
        {
            // Instances starting together take turns; the second finds the first one's work done.
            connection.Run("SELECT pg_advisory_xact_lock(7234001)");
        }

        connection.Run("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        using var current = connection.Sql("SELECT version FROM schema_versions WHERE component = @component", ("component", component));
        var version = current.ExecuteScalar() is { } found ? Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (version > ordered.Count)
        {
            throw new InvalidOperationException($"The database's {component} schema is version {version}, newer than this build knows ({ordered.Count}); run a newer build.");
        }

        for (var step = version; step < ordered.Count; step++) connection.Run(ordered[step]);

        using var record = connection.Sql(
            "INSERT INTO schema_versions (component, version) VALUES (@component, @version) ON CONFLICT (component) DO UPDATE SET version = excluded.version",
            ("component", component), ("version", ordered.Count));
        record.ExecuteNonQuery();
        transaction.Commit();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>One component's schema versions, written once per kind of database (types and
/// sequences differ); both lists grow together.</summary>
public sealed record SchemaSteps(IReadOnlyList<string> Sqlite, IReadOnlyList<string> PostgreSql);
