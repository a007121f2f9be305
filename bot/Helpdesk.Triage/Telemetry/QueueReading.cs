namespace Helpdesk.Triage.Telemetry;

/// <summary>One queue for the gauges: cases waiting for a person, and open cases whose SLA clock is at risk or overdue.</summary>
public sealed record QueueReading(string QueueId, int Waiting, int SlaAtRisk, int SlaBreached);
