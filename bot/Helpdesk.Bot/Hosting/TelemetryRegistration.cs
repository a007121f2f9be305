using System.Reflection;
using Helpdesk.Triage.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// Traces, metrics and logs. Our own spans and instruments (<see cref="HelpdeskTelemetry"/>) are always
/// there for any in-process listener (dotnet-counters, dotnet-trace). The OpenTelemetry SDK, with
/// ASP.NET Core, HttpClient and runtime instrumentation and the OTLP exporter for all three signals,
/// starts only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (as an environment variable or a setting
/// of that name); the exporter then also honours the other standard <c>OTEL_EXPORTER_OTLP_*</c>
/// settings (protocol, headers, timeout). Without it nothing is exported and nothing else changes.
/// </summary>
internal static class TelemetryRegistration
{
    public const string ServiceName = "helpdesk-bot";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<HelpdeskTelemetry>();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<QueueGauges>();

        var endpoint = builder.Configuration[OtlpEndpointSetting];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{OtlpEndpointSetting} must be an http or https URL, such as http://localhost:4317 (gRPC) or http://localhost:4318 (with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).");
        }

        var version = typeof(TelemetryRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(HelpdeskTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(HelpdeskTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    // Orchestrators ask these every few seconds; a span each would drown the traces that matter.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
