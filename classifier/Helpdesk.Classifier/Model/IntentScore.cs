namespace Helpdesk.Classifier.Model;

/// <summary>One label with its calibrated probability.</summary>
public readonly record struct IntentScore(string Label, double Confidence);
