using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Routing;

/// <summary>The facts a priority score is computed from, gathered from the case and the customer directory.</summary>
/// <param name="Tier">Null when the customer is not in the directory.</param>
/// <param name="Signals">The dialog's sentiment and frustration signals.</param>
public sealed record PriorityInput(
    Urgency StatedUrgency,
    CustomerTier? Tier,
    bool RenewalSoon,
    bool OpenInvoices,
    decimal MonthlyRevenue,
    TimeSpan Waited,
    IReadOnlyList<string> Signals,
    CallbackChannel Callback,
    int Reassignments);
