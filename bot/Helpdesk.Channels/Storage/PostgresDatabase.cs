using System.Data.Common;
using Npgsql;

namespace Helpdesk.Channels.Storage;

/// <summary>
/// A PostgreSQL server shared by every instance of the host. Connections come from Npgsql's pool;
/// concurrent writers are the server's business (row locks, <c>SKIP LOCKED</c>), so there is no
/// in-process write turn.
/// </summary>
public sealed class PostgresDatabase : SqlDatabase
{
    private static readonly Task<IDisposable> NoTurn = Task.FromResult<IDisposable>(new NothingToRelease());
    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString)
    {
        _source = NpgsqlDataSource.Create(connectionString);
    }

    public override DatabaseKind Kind => DatabaseKind.PostgreSql;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _source.OpenConnectionAsync(cancellationToken);

    public override Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => NoTurn;

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }

    private sealed class NothingToRelease : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
