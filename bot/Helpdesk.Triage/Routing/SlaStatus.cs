namespace Helpdesk.Triage.Routing;

/// <summary>Where an SLA clock stands against its target.</summary>
public enum SlaStatus
{
    OnTrack,

    /// <summary>Most of the target is used up (the configured share); escalation territory.</summary>
    AtRisk,

    Breached,

    /// <summary>Stopped: the case waits on the customer or a third party.</summary>
    Paused,
}
