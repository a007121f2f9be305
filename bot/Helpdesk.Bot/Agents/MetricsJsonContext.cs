using System.Text.Json.Serialization;
using Helpdesk.Triage.Metrics;

namespace Helpdesk.Bot.Agents;

/// <summary>The metrics' JSON: camelCase, durations as "d.hh:mm:ss".</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MetricsReport))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
