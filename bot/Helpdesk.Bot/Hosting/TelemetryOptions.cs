using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Hosting;

/// <summary>The "Telemetry" configuration. Where to export is not here: the standard
/// <c>OTEL_EXPORTER_OTLP_*</c> settings say that (see <see cref="TelemetryRegistration"/>).</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>How often the numbers behind the queue gauges are read from the database while something
    /// observes them: a scrape reads the last reading, so a busy scraper never adds database load.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan GaugeRefresh { get; set; } = TimeSpan.FromSeconds(15);
}
