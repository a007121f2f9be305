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

    public static Option<bool> SkipBadRows() => new("--skip-bad-rows")
    {
        Description = "Skip rows that cannot be used (each is reported on stderr with its file and line) instead of stopping.",
    };

    /// <summary>Loads data files; with <paramref name="skipBadRows"/>, unusable rows are reported and left out.</summary>
    public static IReadOnlyList<LabeledUtterance> Load(IEnumerable<string> files, string textColumn, string labelColumn, bool skipBadRows)
    {
        var skipped = 0;
        var examples = UtteranceFile.LoadAll(files, textColumn, labelColumn, skipBadRows
            ? problem =>
            {
                skipped++;
                Console.Error.WriteLine($"warning: {problem.Message} (row skipped)");
            }
            : null);
        if (skipped > 0) Console.Error.WriteLine($"warning: skipped {skipped} row(s) that could not be used.");
        return examples;
    }

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Random seed; the same data, options and seed give the same model.",
        DefaultValueFactory = _ => 1,
    };
}
