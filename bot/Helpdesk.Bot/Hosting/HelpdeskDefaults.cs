using Helpdesk.Channels.Storage;

namespace Helpdesk.Bot.Hosting;

/// <summary>What every part of the host shares: the clock, the embedded database, problem details, health checks and warm-up.</summary>
internal static class HelpdeskDefaults
{
    public static WebApplicationBuilder AddHelpdeskDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SqliteDatabase(Path.Combine(DataDirectory.Resolve(builder.Configuration, builder.Environment), "helpdesk.db")));
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddHostedService<WarmUp>();
        builder.Services.AddHostedService<DatabaseCheckpoints>();
        return builder;
    }
}
