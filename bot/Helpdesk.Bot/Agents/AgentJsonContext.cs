using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Agents;

/// <summary>The agent API's JSON: camelCase, enums by name, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(AgentProfile))]
[JsonSerializable(typeof(List<QueueSummary>))]
[JsonSerializable(typeof(List<AgentStatus>))]
[JsonSerializable(typeof(List<CaseSummary>))]
[JsonSerializable(typeof(CaseDetail))]
[JsonSerializable(typeof(TextBody))]
[JsonSerializable(typeof(TagsBody))]
[JsonSerializable(typeof(PasswordBody))]
[JsonSerializable(typeof(TransferBody))]
[JsonSerializable(typeof(WaitBody))]
[JsonSerializable(typeof(ResolveBody))]
[JsonSerializable(typeof(CaseNotice))]
[JsonSerializable(typeof(PresenceNotice))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<CannedReply>))]
[JsonSerializable(typeof(List<DeadLetterView>))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
