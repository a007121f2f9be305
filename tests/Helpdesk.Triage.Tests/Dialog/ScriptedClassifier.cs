using Helpdesk.Classifier.Model;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>A classifier whose answers the test states up front ("this text is billing_dispute at
/// 0.92"), so each transcript exercises one confidence band exactly. Anything unscripted is out of scope.</summary>
internal sealed class ScriptedClassifier : IIntentClassifier
{
    private readonly Dictionary<string, IntentPrediction> _answers = new(StringComparer.OrdinalIgnoreCase);

    public ScriptedClassifier Knows(string text, string label, double confidence, params (string Label, double Confidence)[] runnersUp)
    {
        _answers[text] = new IntentPrediction(label, confidence, IsOutOfScope: false,
            [new IntentScore(label, confidence), .. runnersUp.Select(r => new IntentScore(r.Label, r.Confidence))]);
        return this;
    }

    public ScriptedClassifier Unsure(string text, params (string Label, double Confidence)[] candidates)
    {
        _answers[text] = new IntentPrediction(candidates[0].Label, candidates[0].Confidence, IsOutOfScope: true,
            [.. candidates.Select(c => new IntentScore(c.Label, c.Confidence))]);
        return this;
    }

    public IntentPrediction Predict(string? text, int top = 3) =>
        _answers.TryGetValue(text ?? "", out var answer)
            ? answer
            : new IntentPrediction("out_of_scope", 0.9, IsOutOfScope: true, [new IntentScore("how_to", 0.04)]);
}
