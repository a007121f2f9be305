using Helpdesk.Tests.Shared;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Tests.Routing;

/// <summary>The routing.json the host ships, loaded once for the tests that reason about real queues.</summary>
internal static class ShippedRouting
{
    public static string Path { get; } = RepositoryFiles.Path("bot", "Helpdesk.Bot", "routing.json");

    public static RoutingConfiguration Configuration { get; } = RoutingFile.Load(Path);
}
