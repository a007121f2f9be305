namespace Helpdesk.Classifier.Model;

/// <summary>What the model makes of one text.</summary>
/// <param name="Label">The most probable label; the out-of-scope class itself when the model has one and it wins.</param>
/// <param name="Confidence">Calibrated probability of <paramref name="Label"/>, in [0, 1].</param>
/// <param name="IsOutOfScope">True when the out-of-scope class wins, when the confidence is below the
/// model's threshold, or when the text holds nothing to classify.</param>
/// <param name="Alternatives">The most probable in-scope labels, best first (the out-of-scope class never
/// appears), for "Did you mean …?" choices.</param>
public sealed record IntentPrediction(
    string Label,
    double Confidence,
    bool IsOutOfScope,
    IReadOnlyList<IntentScore> Alternatives);
