using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Handoff;

/// <summary>
/// Our triage record, as a <c>handoff.initiate</c> event carries it in its value for the engagement hub
/// and the person who takes the chat: which case, why it came to a person, what it is about, how urgent,
/// where it waits and by when it is due, and who the customer is. The customer's own client receives
/// the event too, so it holds nothing the customer should not see (no agent notes, no revenue figures).
/// </summary>
public sealed record HandoffContext
{
    public required string CaseReference { get; init; }

    public required HandoffReason Reason { get; init; }

    /// <summary>The problem in the customer's words.</summary>
    public required string Summary { get; init; }

    public string? Intent { get; init; }

    public double? IntentConfidence { get; init; }

    /// <summary>The planned priority level, or the customer's urgency when the case has no plan.</summary>
    public required Urgency PriorityLevel { get; init; }

    /// <summary>The 0–100 priority score.</summary>
    public double? PriorityScore { get; init; }

    public string? Queue { get; init; }

    public string? QueueName { get; init; }

    public DateTimeOffset? FirstResponseDue { get; init; }

    public DateTimeOffset? ResolveDue { get; init; }

    public required HandoffCustomer Customer { get; init; }

    public static HandoffContext Of(StoredCase handedOff)
    {
        var details = handedOff.Details;
        var plan = handedOff.Plan;
        return new HandoffContext
        {
            CaseReference = handedOff.Reference,
            Reason = details.Reason,
            Summary = details.Problem,
            Intent = details.Intent?.Label,
            IntentConfidence = details.Intent?.Confidence,
            PriorityLevel = plan?.Priority.Level ?? details.Urgency,
            PriorityScore = plan?.Priority.Score,
            Queue = plan?.QueueId,
            QueueName = plan?.QueueName,
            FirstResponseDue = plan?.FirstResponseDue,
            ResolveDue = plan?.ResolveDue,
            Customer = HandoffCustomer.Of(details.Facts, plan?.Customer),
        };
    }
}
