using Helpdesk.Classifier.Model;
using Helpdesk.Triage.Telemetry;

namespace Helpdesk.Bot.Classifier;

/// <summary>The served classifier with a span around each prediction: the label and confidence, never the text.</summary>
internal sealed class TracedIntentClassifier(IIntentClassifier classifier, HelpdeskTelemetry telemetry) : IIntentClassifier
{
    public IntentPrediction Predict(string? text, int top = 3)
    {
        using var span = telemetry.StartStep("helpdesk.classify");
        var prediction = classifier.Predict(text, top);
        span?.SetTag("helpdesk.intent", prediction.Label);
        span?.SetTag("helpdesk.intent.confidence", prediction.Confidence);
        span?.SetTag("helpdesk.intent.out_of_scope", prediction.IsOutOfScope);
        return prediction;
    }
}
