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

    /// <param name="skipBadRow">When given, a row that cannot be used is passed here and skipped instead of
    /// failing the whole file; problems with the file itself (missing, no header, missing column) still throw.</param>
    public static IReadOnlyList<LabeledUtterance> Load(
        string path, string textColumn = DefaultTextColumn, string labelColumn = DefaultLabelColumn, Action<DataFileException>? skipBadRow = null)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, "the file does not exist.");
        }

        var rows = new RowSink(skipBadRow);
        if (IsJsonLines(path)) ReadJsonLines(path, textColumn, labelColumn, rows);
        else ReadCsv(path, textColumn, labelColumn, rows);
        var examples = rows.Examples;
        if (examples.Count == 0)
        {
            throw new DataFileException(path, 0, "the file holds no examples.");
        }

        return examples;
    }

    /// <summary>Loads several files as one data set, in order.</summary>
    public static IReadOnlyList<LabeledUtterance> LoadAll(
        IEnumerable<string> paths, string textColumn = DefaultTextColumn, string labelColumn = DefaultLabelColumn, Action<DataFileException>? skipBadRow = null) =>
        paths.SelectMany(path => Load(path, textColumn, labelColumn, skipBadRow)).ToList();

    /// <summary>Collects good rows; a bad one either fails the load or, when skipping, is reported and dropped.</summary>
    private sealed class RowSink(Action<DataFileException>? skipBadRow)
    {
        public List<LabeledUtterance> Examples { get; } = [];

        public void Add(Func<LabeledUtterance> read)
        {
            try
            {
                Examples.Add(read());
            }
            catch (DataFileException problem) when (skipBadRow is not null)
            {
                skipBadRow(problem);
            }
        }
    }

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

    private static void ReadCsv(string path, string textColumn, string labelColumn, RowSink rows)
    {
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            BadDataFound = args => badData ??= $"malformed CSV field (check the quoting): {Shorten(args.RawRecord)}",
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
        try
        {
            while (parser.Read())
            {
                var line = parser.RawRow;
                var record = parser.Record ?? [];
                var problem = badData;
                badData = null;
                if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]) && problem is null)
                {
                    continue; // a blank line
                }

                rows.Add(() =>
                {
                    if (problem is not null) throw new DataFileException(path, line, problem);
                    // RFC 4180 rows all have the header's field count; more usually means a comma in
                    // an unquoted text, which would shift the label into the wrong column.
                    if (record.Length != header.Length)
                    {
                        throw new DataFileException(path, line,
                            $"the row has {record.Length} field(s) but the header has {header.Length}; quote fields that contain commas.");
                    }

                    return Validated(path, line, record[textIndex], record[labelIndex]);
                });
            }
        }
        catch (CsvHelperException e)
        {
            throw new DataFileException(path, parser.RawRow, $"unreadable CSV row: {e.Message.Split('\n')[0]}");
        }
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

    private static void ReadJsonLines(string path, string textColumn, string labelColumn, RowSink rows)
    {
        var line = 0;
        foreach (var content in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            var number = line;
            rows.Add(() => ReadJsonLine(path, number, content, textColumn, labelColumn));
        }
    }

    private static LabeledUtterance ReadJsonLine(string path, int line, string content, string textColumn, string labelColumn)
    {
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
            return Validated(path, line, text, label);
        }
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
