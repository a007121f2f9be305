using System.CommandLine;
using Helpdesk.Classifier.Data;

namespace Helpdesk.Classifier.Cli.Commands;

/// <summary>Options shared by the commands that read labeled data.</summary>
internal static class DataOptions
{
    public static Option<string> TextColumn() => new("--text-column")
    {
        Description = "Name of the column (or JSON property) holding the text.",
        DefaultValueFactory = _ => UtteranceFile.DefaultTextColumn,
    };

    public static Option<string> LabelColumn() => new("--label-column")
    {
        Description = "Name of the column (or JSON property) holding the label.",
        DefaultValueFactory = _ => UtteranceFile.DefaultLabelColumn,
    };

    public static Option<string?> OutOfScopeLabel() => new("--oos-label")
    {
        Description = "The label that marks out-of-scope examples.",
    };

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Random seed; the same data, options and seed give the same model.",
        DefaultValueFactory = _ => 1,
    };
}
