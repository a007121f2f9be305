using System.Text.Json;

namespace Helpdesk.Triage.Cases;

/// <summary>Case statuses as text, the way the API, the database and webhooks spell them.</summary>
public static class CaseStatusNames
{
    public static string Of(CaseStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static CaseStatus? Parse(string? text) => Enum.TryParse<CaseStatus>(text, ignoreCase: true, out var status) ? status : null;
}
