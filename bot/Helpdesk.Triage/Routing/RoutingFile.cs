namespace Helpdesk.Triage.Routing;

/// <summary>
/// Reads routing.json and checks it as a whole before the host serves anyone: every problem is
/// listed at once, each with the file and the place it is in, so an operator fixes a broken edit in
/// one go instead of one start at a time.
/// </summary>
public static class RoutingFile
{
    public static RoutingConfiguration Load(string path)
    {
        var routing = OperatorFile.Read(path, TriageJsonContext.Default.RoutingConfiguration);
        var problems = RoutingValidator.Problems(routing);
        return problems.Count == 0
            ? routing
            : throw new InvalidDataException($"{path} has {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }
}
