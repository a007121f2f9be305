namespace Helpdesk.Classifier.Serving;

/// <summary>Where the served model lives and, optionally, the data it is trained from.</summary>
public sealed record ModelSource
{
    /// <summary>The model file. With training data, it is a cache: trained when missing, corrupt or
    /// stale; without, it must exist (an operator trained it with the CLI).</summary>
    public required string ModelPath { get; init; }

    /// <summary>Data files to train from; empty to serve <see cref="ModelPath"/> as it is.</summary>
    public IReadOnlyList<string> TrainingData { get; init; } = [];

    public string TextColumn { get; init; } = Data.UtteranceFile.DefaultTextColumn;

    public string LabelColumn { get; init; } = Data.UtteranceFile.DefaultLabelColumn;

    public Training.TrainerOptions Trainer { get; init; } = new();
}
