using Helpdesk.Classifier.Serving;
using Helpdesk.Knowledge.Library;

namespace Helpdesk.Bot.Hosting;

/// <summary>Loads the intent model and the knowledge base while the host starts, so the first
/// customer does not wait for them and a model that cannot be provisioned stops the start with its reason.</summary>
internal sealed class WarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ReloadingIntentClassifier>();
        services.GetRequiredService<LiveKnowledgeBase>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
