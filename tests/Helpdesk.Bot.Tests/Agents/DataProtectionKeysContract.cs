using System.Xml.Linq;
using Helpdesk.Bot.Hosting;
using Helpdesk.Tests.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>The sign-in protection keys in the database, the same on SQLite and PostgreSQL: what one host stores, another reads.</summary>
public abstract class DataProtectionKeysContract(TestDatabases databases) : IDisposable
{
    [Fact]
    public async Task A_key_stored_through_one_host_is_read_by_another_and_stored_once()
    {
        var database = await databases.CreateAsync();
        DataProtectionKeys.Use(new ServiceCollection(), database);
        var key = new XElement("key", new XAttribute("id", "2f4a"), new XElement("descriptor", "secret material"));

        new DataProtectionKeys(database).StoreElement(key, "key-2f4a");
        new DataProtectionKeys(database).StoreElement(key, "key-2f4a");

        var read = Assert.Single(new DataProtectionKeys(database).GetAllElements());
        Assert.Equal(key.ToString(), read.ToString());
    }

    public void Dispose()
    {
        databases.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteDataProtectionKeysTests() : DataProtectionKeysContract(TestDatabases.Sqlite());

public sealed class PostgresDataProtectionKeysTests(PostgresCluster cluster) : DataProtectionKeysContract(TestDatabases.PostgreSql(cluster));
