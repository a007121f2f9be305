using Helpdesk.Knowledge.Library;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Healthy when articles are served; degraded, but still ready, when there are none or some files are invalid.</summary>
internal sealed class KnowledgeHealthCheck(LiveKnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var index = knowledge.Current;
        var problems = knowledge.Problems.Count(p => p.Severity == Helpdesk.Knowledge.Articles.ProblemSeverity.Error);
        var data = new Dictionary<string, object> { ["articles"] = index.Articles.Count, ["problems"] = problems };
        var result = index.Articles.Count == 0
            ? HealthCheckResult.Degraded("no articles are served; the bot can still hand off to people", data: data)
            : problems > 0
                ? HealthCheckResult.Degraded($"{problems} article problem(s); last good versions are served", data: data)
                : HealthCheckResult.Healthy("articles served", data);
        return Task.FromResult(result);
    }
}
