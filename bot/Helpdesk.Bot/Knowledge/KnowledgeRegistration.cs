using Helpdesk.Knowledge.Feedback;
using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Rendering;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

internal static class KnowledgeRegistration
{
    public static WebApplicationBuilder AddKnowledgeBase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var (articles, synonyms) = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Resolve(builder.Environment.ContentRootPath);
            return new LiveKnowledgeBase(articles, synonyms, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<LiveKnowledgeBase>>());
        });
        builder.Services.AddSingleton(ArticleRenderer.ForBasePath("/kb"));
        builder.Services.AddSingleton<IArticleFeedbackStore, SqlArticleFeedbackStore>();
        builder.Services.AddSingleton<FeedbackRecorder>();
        builder.Services.AddAntiforgery();
        builder.Services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge-base", tags: ["ready"]);
        return builder;
    }
}
