using System.Text.Json.Serialization;

namespace Helpdesk.LoadTest.Reporting;

/// <summary>The results file: camelCase, indented for reading and diffing between runs.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(LoadReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
