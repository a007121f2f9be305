using System.Text.Json;
using Helpdesk.Channels.Storage;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Metrics;

namespace Helpdesk.Triage.Storage;

/// <summary>What the metrics are computed from.</summary>
public sealed partial class SqlTriageStore
{
    public async Task<IReadOnlyList<ConversationRecord>> ConversationRecordsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT outcome, handoff_reason, state FROM conversations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ConversationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = JsonSerializer.Deserialize(reader.GetString(2), TriageJsonContext.Default.TriageState);
            records.Add(new ConversationRecord(
                Enum.Parse<ConversationOutcome>(reader.GetString(0)),
                reader.GetNullableString(1) is { } reason ? Enum.Parse<HandoffReason>(reason) : null,
                state?.Intent?.Label,
                state?.BotRating));
        }

        return records;
    }
}
