using Helpdesk.Channels.Storage;

namespace Helpdesk.Bot.Hosting;

/// <summary>What every part of the host shares: the clock, the databases, problem details, health checks and warm-up.</summary>
internal static class HelpdeskDefaults
{
    public static WebApplicationBuilder AddHelpdeskDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        var embedded = new SqliteDatabase(Path.Combine(DataDirectory.Resolve(builder.Configuration, builder.Environment), "helpdesk.db"));
        builder.Services.AddSingleton(embedded);
        builder.Services.AddSingleton(StorageOptions.Choose(builder.Configuration, embedded));
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddHostedService<WarmUp>();
        builder.Services.AddHostedService<DatabaseCheckpoints>();
        return builder;
    }
}
