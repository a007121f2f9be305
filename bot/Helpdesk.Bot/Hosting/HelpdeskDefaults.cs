using Helpdesk.Channels.Storage;

namespace Helpdesk.Bot.Hosting;

/// <summary>What every part of the host shares: the clock, the database (embedded SQLite or PostgreSQL), telemetry, problem details, health checks and warm-up.</summary>
internal static class HelpdeskDefaults
{
    public static WebApplicationBuilder AddHelpdeskDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        var database = StorageOptions.Open(builder.Configuration, DataDirectory.Resolve(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton(database);
        DataProtectionKeys.Use(builder.Services, database);
        if (database is SqliteDatabase embedded)
        {
            builder.Services.AddSingleton(embedded);
            builder.Services.AddHostedService<DatabaseCheckpoints>();
        }
        else if (database is PostgresDatabase server)
        {
            builder.Services.AddSingleton(server);
        }

        builder.AddTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Services.AddHostedService<WarmUp>();
        return builder;
    }
}
