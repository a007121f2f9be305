using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Helpdesk.Classifier.Data;

/// <summary>
/// Reads labeled utterances from CSV (a header row, RFC 4180 quoting) or JSON Lines (one object
/// per line). Columns are picked by name. Every problem is reported with the file and line.
/// </summary>
public static class UtteranceFile
{
    public const string DefaultTextColumn = "text";
    public const string DefaultLabelColumn = "label";

    public static IReadOnlyList<LabeledUtterance> Load(
        string path, string textColumn = DefaultTextColumn, string labelColumn = DefaultLabelColumn)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, "the file does not exist.");
        }

        var examples = IsJsonLines(path) ? ReadJsonLines(path, textColumn, labelColumn) : ReadCsv(path, textColumn, labelColumn);
        if (examples.Count == 0)
        {
            throw new DataFileException(path, 0, "the file holds no examples.");
        }

        return examples;
    }

    /// <summary>Loads several files as one data set, in order.</summary>
    public static IReadOnlyList<LabeledUtterance> LoadAll(
        IEnumerable<string> paths, string textColumn = DefaultTextColumn, string labelColumn = DefaultLabelColumn) =>
        paths.SelectMany(path => Load(path, textColumn, labelColumn)).ToList();

    private static bool IsJsonLines(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson" or ".json")
        {
            return true;
        }

        if (extension is ".csv" or ".tsv" or ".txt")
        {
            return false;
        }

        using var reader = new StreamReader(path);
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
        {
        }

        return c == '{';
    }

    private static List<LabeledUtterance> ReadCsv(string path, string textColumn, string labelColumn)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            BadDataFound = args => throw new DataFileException(path, args.Context.Parser?.RawRow ?? 0,
                $"malformed CSV field (check the quoting): {Shorten(args.RawRecord)}"),
        };

        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, configuration);
        if (!parser.Read())
        {
            throw new DataFileException(path, 1, "the file is empty; expected a header row.");
        }

        var header = parser.Record ?? [];
        var textIndex = ColumnIndex(path, header, textColumn);
        var labelIndex = ColumnIndex(path, header, labelColumn);
        var examples = new List<LabeledUtterance>();
        try
        {
            while (parser.Read())
            {
                var line = parser.RawRow;
                var record = parser.Record ?? [];
                if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
                {
                    continue; // a blank line
                }

                if (record.Length <= Math.Max(textIndex, labelIndex))
                {
                    throw new DataFileException(path, line,
                        $"the row has {record.Length} field(s) but the header has {header.Length}.");
                }

                examples.Add(Validated(path, line, record[textIndex], record[labelIndex]));
            }
        }
        catch (CsvHelperException e)
        {
            throw new DataFileException(path, parser.RawRow, $"unreadable CSV row: {e.Message.Split('\n')[0]}");
        }

        return examples;
    }

    private static int ColumnIndex(string path, string[] header, string column)
    {
        var index = Array.FindIndex(header, name => string.Equals(name.Trim(), column, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new DataFileException(path, 1,
                $"there is no '{column}' column; the header has: {string.Join(", ", header.Select(h => $"'{h}'"))}.");
        }

        return index;
    }

    private static List<LabeledUtterance> ReadJsonLines(string path, string textColumn, string labelColumn)
    {
        var examples = new List<LabeledUtterance>();
        var line = 0;
        foreach (var content in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(content);
            }
            catch (JsonException e)
            {
                throw new DataFileException(path, line, $"not a JSON object: {e.Message}");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DataFileException(path, line, "each line must be a JSON object.");
                }

                var text = StringProperty(path, line, document.RootElement, textColumn);
                var label = StringProperty(path, line, document.RootElement, labelColumn);
                examples.Add(Validated(path, line, text, label));
            }
        }

        return examples;
    }

    private static string StringProperty(string path, int line, JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => throw new DataFileException(path, line, $"'{name}' must be a string."),
                };
            }
        }

        throw new DataFileException(path, line, $"the object has no '{name}' property.");
    }

    private static LabeledUtterance Validated(string path, int line, string text, string label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new DataFileException(path, line, "the label is empty.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DataFileException(path, line, "the text is empty.");
        }

        return new LabeledUtterance(text.Trim(), label.Trim(), $"{path}:{line}");
    }

    private static string Shorten(string raw)
    {
        var single = raw.ReplaceLineEndings(" ").Trim();
        return single.Length <= 60 ? single : single[..60] + "…";
    }
}
