using System.Text.Json;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Metrics;

namespace Helpdesk.Triage.Storage;

/// <summary>What the metrics are computed from.</summary>
public sealed partial class SqliteTriageStore
{
    public async Task<IReadOnlyList<ConversationRecord>> ConversationRecordsAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome, handoff_reason, state FROM conversations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ConversationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = JsonSerializer.Deserialize(reader.GetString(2), TriageJsonContext.Default.TriageState);
            records.Add(new ConversationRecord(
                Enum.Parse<ConversationOutcome>(reader.GetString(0)),
                reader.IsDBNull(1) ? null : Enum.Parse<HandoffReason>(reader.GetString(1)),
                state?.Intent?.Label));
        }

        return records;
    }
}
