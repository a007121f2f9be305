using System.Globalization;
using Helpdesk.Classifier.Serving;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Classifier;

/// <summary>Ready when a model is loaded; reports which one.</summary>
internal sealed class ClassifierHealthCheck(ReloadingIntentClassifier classifier) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var model = classifier.Current;
        var data = new Dictionary<string, object>
        {
            ["labels"] = model.Labels.Count,
            ["trainedAt"] = model.Metadata.TrainedAt.ToString("O", CultureInfo.InvariantCulture),
            ["validationAccuracy"] = model.Metadata.Validation.Accuracy,
        };
        return Task.FromResult(HealthCheckResult.Healthy("intent model loaded", data));
    }
}
