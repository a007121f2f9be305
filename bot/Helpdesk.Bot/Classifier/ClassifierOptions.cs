using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Classifier;

/// <summary>The "Classifier" configuration section.</summary>
public sealed class ClassifierOptions
{
    public const string Section = "Classifier";

    /// <summary>The served model file; relative paths are under the data directory. Replacing the
    /// file (e.g. with the CLI's <c>train --out</c>) swaps the model in without a restart.</summary>
    [Required] public string ModelPath { get; set; } = "models/intent.model";

    /// <summary>Data to train the model from when it is missing or stale; relative paths are under
    /// the application folder. The shipped default is set in appsettings.json (configuration
    /// binding appends to, rather than replaces, a list initialised here). Blank entries are
    /// ignored, so setting the only entry to "" serves <see cref="ModelPath"/> exactly as the
    /// operator trained it.</summary>
    public IReadOnlyList<string> TrainingData { get; set; } = [];

    public string? OutOfScopeLabel { get; set; } = "out_of_scope";

    [Range(0, int.MaxValue)] public int Seed { get; set; } = 1;
}
