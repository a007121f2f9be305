using Helpdesk.Channels.BotConnector;
using Helpdesk.Channels.DirectLine;

namespace Helpdesk.Bot.Connector;

/// <summary>
/// Azure Bot Service and Teams: <c>/api/messages</c> with the Bot Framework's token checks, and the
/// Connector client replies go out through. Without an app id every request is refused, so the
/// endpoint is safe on a host that does not use it; unauthenticated local development (the Bot
/// Framework Emulator) has to be switched on, and only works in Development.
/// </summary>
internal static class ConnectorRegistration
{
    public static WebApplicationBuilder AddBotConnector(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var bot = configuration.GetSection(ChannelAuthOptions.Section).Get<ChannelAuthOptions>() ?? new ChannelAuthOptions();
        if (bot.AllowUnauthenticated && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("BotConnector:AllowUnauthenticated is for local development only; outside Development every channel request must carry a valid token.");
        }

        var credentials = configuration.GetSection(BotTokenOptions.Section).Get<BotTokenOptions>() ?? new BotTokenOptions();
        var retry = configuration.GetSection("BotConnector:Retry").Get<ConnectorRetryOptions>() ?? new ConnectorRetryOptions();
        var allowed = configuration.GetSection("BotConnector:AllowedServiceUrls").Get<string[]>() ?? [.. ServiceUrlTrust.MicrosoftChannels];
        // The agents' Teams channel is posted to before anyone there has written to the bot.
        if (configuration["Teams:AgentsChannel:ServiceUrl"] is { Length: > 0 } agentsChannel) allowed = [.. allowed, agentsChannel];

        var services = builder.Services;
        services.AddHttpClient(nameof(ConnectorClient));
        services.AddSingleton(bot);
        services.AddSingleton(new ServiceUrlTrust(allowed));
        services.AddSingleton(provider => new SigningKeyCache(Http(provider), provider.GetRequiredService<TimeProvider>(), bot.KeyRefreshInterval));
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSingleton(provider => new BotTokenProvider(Http(provider), bot, credentials, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new ConnectorClient(
            Http(provider), provider.GetRequiredService<BotTokenProvider>(), provider.GetRequiredService<ServiceUrlTrust>(), retry, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConnectorInbox>();
        services.AddSingleton<ConnectorMetrics>();
        services.AddSingleton<ConnectorBot>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ConnectorTurns>(provider, (IDirectLineBot)provider.GetRequiredService<ConnectorBot>()));
        services.AddHostedService(provider => provider.GetRequiredService<ConnectorTurns>());
        return builder;
    }

    private static HttpClient Http(IServiceProvider provider) => provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient));
}
