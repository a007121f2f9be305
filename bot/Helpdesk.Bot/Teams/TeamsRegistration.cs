namespace Helpdesk.Bot.Teams;

internal static class TeamsRegistration
{
    /// <summary>The agents' Teams channel: handoff cards posted there, and "Claim" pressed on them, and the cards kept up to date.</summary>
    public static WebApplicationBuilder AddAgentsChannel(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgentsChannelOptions>().BindConfiguration(AgentsChannelOptions.Section);
        builder.Services.AddSingleton<AgentsChannelActions>();
        builder.Services.AddSingleton<AgentsChannelCards>();
        builder.Services.AddHostedService<AgentsChannelDispatcher>();
        return builder;
    }
}
