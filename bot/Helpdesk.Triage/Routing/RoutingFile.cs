using System.Text.Json;

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
        RoutingConfiguration? routing;
        try
        {
            using var stream = File.OpenRead(path);
            routing = JsonSerializer.Deserialize(stream, TriageJsonContext.Default.RoutingConfiguration);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        if (routing is null) throw new InvalidDataException($"{path}: the file is empty.");
        var problems = RoutingValidator.Problems(routing);
        return problems.Count == 0
            ? routing
            : throw new InvalidDataException($"{path} has {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }
}
