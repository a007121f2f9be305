using Helpdesk.Classifier.Serving;

namespace Helpdesk.Bot.Classifier;

/// <summary>Provisions the model while the host starts, so the first customer does not wait for it
/// and a model that cannot be provisioned stops the start with its reason.</summary>
internal sealed class ClassifierWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ReloadingIntentClassifier>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
