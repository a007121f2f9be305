using System.Text.Json.Serialization;
using Helpdesk.Knowledge.Evaluation;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge;

/// <summary>The knowledge base's JSON: camelCase, nulls omitted, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SearchQualityReport))]
[JsonSerializable(typeof(List<SearchHit>))]
public sealed partial class KnowledgeJsonContext : JsonSerializerContext;
