namespace Helpdesk.Classifier.Data;

/// <summary>One training or test example, with where it came from for error messages.</summary>
public sealed record LabeledUtterance(string Text, string Label, string Source = "");
