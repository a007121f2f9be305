namespace Helpdesk.Bot.Hosting;

/// <summary>What every part of the host shares: the clock, problem details, health checks and warm-up.</summary>
internal static class HelpdeskDefaults
{
    public static WebApplicationBuilder AddHelpdeskDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddHostedService<WarmUp>();
        return builder;
    }
}
