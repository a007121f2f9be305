namespace Helpdesk.Classifier.Data;

/// <summary>A data file that cannot be used; the message starts with "file:line:".</summary>
public sealed class DataFileException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
