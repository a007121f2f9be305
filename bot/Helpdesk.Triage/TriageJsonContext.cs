using System.Text.Json.Serialization;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage;

/// <summary>JSON for what Triage stores and reads: conversation state, cases, prompts. Enums are
/// written by name so stored rows stay readable and survive reordering.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(TriageState))]
[JsonSerializable(typeof(TriagePrompts))]
[JsonSerializable(typeof(StoredCase))]
[JsonSerializable(typeof(CustomerFile))]
[JsonSerializable(typeof(Routing.RoutingConfiguration))]
[JsonSerializable(typeof(Outbox.CasePayload))]
[JsonSerializable(typeof(Handoff.HandoffContext))]
internal sealed partial class TriageJsonContext : JsonSerializerContext;
