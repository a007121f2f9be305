namespace Helpdesk.Classifier.Model;

/// <summary>Classifies customer text into an intent. Implementations are thread-safe.</summary>
public interface IIntentClassifier
{
    IntentPrediction Predict(string? text, int top = 3);
}
