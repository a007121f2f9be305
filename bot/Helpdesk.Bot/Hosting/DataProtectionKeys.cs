using System.Data.Common;
using System.Xml.Linq;
using Helpdesk.Channels.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// The keys that protect agents' sign-in cookies and forms, kept in the host's database: every host on
/// a shared database accepts the others' cookies, and a restart (a new container, an App Service swap)
/// signs nobody out. Like ASP.NET Core's default file store on Linux, the key XML is not encrypted at
/// rest; the database's own protection applies.
/// </summary>
internal sealed class DataProtectionKeys(SqlDatabase database) : IXmlRepository
{
    private static readonly SchemaSteps Schema = new(
        Sqlite: ["CREATE TABLE data_protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL);"],
        PostgreSql: ["CREATE TABLE data_protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL);"]);

    public static void Use(IServiceCollection services, SqlDatabase database)
    {
        database.Migrate("data-protection", Schema);
        services.AddDataProtection().SetApplicationName("helpdesk-bot");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new DataProtectionKeys(database));
    }

    // Data Protection asks synchronously, and rarely: at start and when a key is created (every 90 days).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.Sql("SELECT xml FROM data_protection_keys ORDER BY name");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var write = database.EnterWriteAsync(CancellationToken.None).GetAwaiter().GetResult();
        using DbConnection connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.Sql(
            "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING",
            ("name", friendlyName), ("xml", element.ToString(SaveOptions.DisableFormatting)));
        command.ExecuteNonQuery();
    }
}
