namespace Helpdesk.Knowledge.Articles;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Something wrong with an article, located by file and 1-based line (0 when the whole file).</summary>
public sealed record ArticleProblem(ProblemSeverity Severity, string File, int Line, string Message)
{
    public static ArticleProblem Error(string file, int line, string message) => new(ProblemSeverity.Error, file, line, message);

    public static ArticleProblem Warning(string file, int line, string message) => new(ProblemSeverity.Warning, file, line, message);

    public override string ToString() =>
        $"{File}:{Line}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
