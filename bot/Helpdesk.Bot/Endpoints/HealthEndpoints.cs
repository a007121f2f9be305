using System.Globalization;
using System.Text.Json;
using Helpdesk.Bot.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Endpoints;

internal static class HealthEndpoints
{
    /// <summary>/healthz: the process answers. /readyz: every readiness check passes, with details.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteReport,
        });
        return endpoints;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var view = new HealthReportView(
            report.Status.ToString(),
            report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new HealthCheckView(
                    entry.Value.Status.ToString(),
                    entry.Value.Description,
                    entry.Value.Data.ToDictionary(d => d.Key, d => Convert.ToString(d.Value, CultureInfo.InvariantCulture)))));
        return context.Response.WriteAsync(JsonSerializer.Serialize(view, BotJsonContext.Default.HealthReportView), context.RequestAborted);
    }
}

internal sealed record HealthReportView(string Status, IReadOnlyDictionary<string, HealthCheckView> Checks);

internal sealed record HealthCheckView(string Status, string? Description, IReadOnlyDictionary<string, string?> Data);
