namespace Helpdesk.Classifier.Model;

/// <summary>A model file that cannot be used: not a model, truncated, corrupted or from an
/// incompatible version. The message says which and what to do.</summary>
public sealed class IntentModelFormatException(string message) : Exception(message);
