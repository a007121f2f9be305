using Helpdesk.Bot.Hosting;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Storage;
using Helpdesk.Classifier.Model;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Processing;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Storage;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Conversation;

/// <summary>The conversation: the triage dialog and its store, and our Direct Line in front of it.</summary>
internal static class ConversationRegistration
{
    public const string ChatSessionCorsPolicy = "chat-session";

    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EntityOptions>().BindConfiguration(EntityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => TriagePrompts.Load(ResolveFile(builder.Configuration["Triage:PromptsPath"], "prompts.json", builder.Environment)));
        services.AddSingleton(_ => RoutingFile.Load(ResolveFile(builder.Configuration["Triage:RoutingPath"], "routing.json", builder.Environment)));
        services.AddSingleton<ICustomerDirectory>(provider => new FileCustomerDirectory(
            ResolveFile(builder.Configuration["Triage:CustomersPath"], "customers.json", builder.Environment),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<FileCustomerDirectory>>(),
            provider.GetRequiredService<IOptions<EntityOptions>>().Value.AccountIdPattern));
        services.AddSingleton<IPresenceStore>(provider => provider.GetRequiredService<SqlTriageStore>());
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<IQueueMonitor, StoreQueueMonitor>();
        services.AddSingleton<HandoffPlanning>();
        services.AddSingleton(provider => new EntityExtractor(provider.GetRequiredService<IOptions<EntityOptions>>().Value));
        services.AddSingleton<IArticleSuggester, KnowledgeArticleSuggester>();
        services.AddSingleton(provider => new TriageContext(
            provider.GetRequiredService<IIntentClassifier>(),
            provider.GetRequiredService<IArticleSuggester>(),
            provider.GetRequiredService<EntityExtractor>(),
            provider.GetRequiredService<TriagePrompts>(),
            provider.GetRequiredService<IOptions<TriageOptions>>().Value));
        services.AddSingleton<SqlTriageStore>();
        services.AddSingleton<ITriageStore>(provider => provider.GetRequiredService<SqlTriageStore>());
        services.AddSingleton<IOutbox>(provider => provider.GetRequiredService<SqlTriageStore>());
        services.AddSingleton<ICaseStore>(provider => provider.GetRequiredService<SqlTriageStore>());
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<TurnProcessor>();
        services.AddHostedService<AbandonedConversations>();

        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section)
            .PostConfigure(options => options.Secret = DirectLineSecret.Resolve(options, builder.Environment, DataDirectory.Resolve(builder.Configuration, builder.Environment)))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DirectLineOptions>>().Value);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<IConversationLog, SqlConversationLog>();
        services.AddSingleton<ConversationStreams>();
        if (services.Any(service => service.ServiceType == typeof(PostgresDatabase)))
        {
            // Other hosts share the database: their activities must reach the streams open here.
            services.AddHostedService<ConversationAppendListener>();
        }
        services.AddSingleton<TriageBot>();
        services.AddSingleton<IDirectLineBot>(provider => provider.GetRequiredService<TriageBot>());
        services.AddSingleton<DirectLineServer>();
        services.AddHostedService<ChannelHandoffDispatcher>();
        services.AddDirectLineCors();
        // Other sites that embed the chat are named in Chat:AllowedOrigins; by default only our own page
        // may start chats (Direct Line itself accepts any origin that holds a token).
        var embedders = builder.Configuration.GetSection("Chat:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(ChatSessionCorsPolicy, policy => policy.WithOrigins(embedders).WithMethods("POST").WithHeaders("Content-Type", "Accept")));
        return builder;
    }

    /// <summary>An operator's file (prompts, routing, customers): the configured path if set, else the
    /// file beside the project (so edits show on the next start of "dotnet run"), else the copy in the output folder.</summary>
    private static string ResolveFile(string? configured, string name, IHostEnvironment environment)
    {
        if (configured is { Length: > 0 }) return Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        var beside = Path.Combine(environment.ContentRootPath, name);
        return File.Exists(beside) ? beside : Path.Combine(AppContext.BaseDirectory, name);
    }
}
