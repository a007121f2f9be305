namespace Helpdesk.Triage.Entities;

/// <summary>What one message said about the facts the triage needs; null where it said nothing.</summary>
/// <param name="IsCorrection">The message corrects something said before ("actually it's ACC-20931"),
/// so its values replace earlier ones rather than being asked about.</param>
public sealed record ExtractedEntities(
    string? AccountId,
    string? Email,
    string? Phone,
    Urgency? Urgency,
    CallbackChannel? Callback,
    string? TimeWindow,
    bool IsCorrection)
{
    public static ExtractedEntities None { get; } = new(null, null, null, null, null, null, false);

}
