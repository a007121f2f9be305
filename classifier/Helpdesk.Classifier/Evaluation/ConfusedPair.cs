namespace Helpdesk.Classifier.Evaluation;

/// <summary>How often examples of <paramref name="Expected"/> were predicted as <paramref name="Predicted"/>.</summary>
public sealed record ConfusedPair(string Expected, string Predicted, int Count);
