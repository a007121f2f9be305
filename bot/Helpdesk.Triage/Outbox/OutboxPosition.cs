namespace Helpdesk.Triage.Outbox;

/// <summary>
/// Where an event stands in the order readers follow: the writing transaction, then the event's id.
/// On PostgreSQL concurrent transactions can commit a higher id before a lower one, so a cursor of ids
/// alone could step over an event that becomes visible later; readers instead see only events of
/// transactions older than every one still running, and in transaction order, so nothing can appear
/// behind their cursor. On SQLite, with one writer at a time, the transaction is always 0.
/// </summary>
public readonly record struct OutboxPosition(long Transaction, long Id) : IComparable<OutboxPosition>
{
    /// <summary>Before every event.</summary>
    public static OutboxPosition Start => default;

    public int CompareTo(OutboxPosition other) =>
        Transaction != other.Transaction ? Transaction.CompareTo(other.Transaction) : Id.CompareTo(other.Id);

    public static OutboxPosition Max(OutboxPosition a, OutboxPosition b) => a.CompareTo(b) >= 0 ? a : b;

    public static bool operator <(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) >= 0;
}
