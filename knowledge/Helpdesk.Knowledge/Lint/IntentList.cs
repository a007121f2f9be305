using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Lint;

/// <summary>The intent labels articles may name: read from the classifier's training data (the
/// distinct values of its 'label' column) or from a plain list, one label per line.</summary>
public static class IntentList
{
    public static IReadOnlySet<string> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length > 0 && lines[0].Split(',').Select(h => h.Trim().Trim('"')).Contains("label", StringComparer.OrdinalIgnoreCase))
        {
            return LabelsFromCsv(path);
        }

        return lines.Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> LabelsFromCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            if (csv.GetField("label") is { Length: > 0 } label) labels.Add(label.Trim());
        }

        return labels;
    }

    /// <summary>Conversational labels that never have articles, and the out-of-scope class.</summary>
    public static bool NeedsNoArticle(string label) => label is "greeting" or "goodbye_thanks" or "talk_to_human" or "out_of_scope";

    internal static ArticleProblem Unknown(string file, string intent) =>
        ArticleProblem.Error(file, 1, $"unknown intent '{intent}': it is not one of the classifier's labels.");
}
