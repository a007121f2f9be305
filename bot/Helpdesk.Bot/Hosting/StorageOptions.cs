using Helpdesk.Channels.Storage;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// Where every store of the host lives: the embedded SQLite file under the data directory unless
/// <c>Storage:Provider</c> is <c>PostgreSql</c>, which takes its server from <c>ConnectionStrings:Helpdesk</c>.
/// </summary>
internal static class StorageOptions
{
    public static SqlDatabase Open(IConfiguration configuration, string dataDirectory)
    {
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return new SqliteDatabase(Path.Combine(dataDirectory, "helpdesk.db"));
        if (!provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider is \"{provider}\"; use Sqlite (the default) or PostgreSql.");
        }

        var connectionString = configuration.GetConnectionString("Helpdesk");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:Provider is PostgreSql but ConnectionStrings:Helpdesk is empty; set it to the server's connection string.");
        }

        return new PostgresDatabase(connectionString);
    }
}
