namespace Helpdesk.Triage.Telemetry;

/// <summary>How one attempt to deliver an outbox event ended.</summary>
public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Refused or unanswered; another attempt is scheduled.</summary>
    Retry,

    /// <summary>Refused or unanswered for the last time: dead-lettered.</summary>
    Dead,
}
