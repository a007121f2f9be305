using System.Text.Json.Serialization;
using Helpdesk.Bot.Endpoints;

namespace Helpdesk.Bot.Hosting;

/// <summary>The host's JSON: camelCase, nulls omitted, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthReportView))]
[JsonSerializable(typeof(Conversation.ChatSession))]
internal sealed partial class BotJsonContext : JsonSerializerContext;
