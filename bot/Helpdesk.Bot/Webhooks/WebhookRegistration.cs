namespace Helpdesk.Bot.Webhooks;

internal static class WebhookRegistration
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(WebhookDispatcher.ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Helpdesk.Bot-Webhooks/1.0"));
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}
