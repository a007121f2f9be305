namespace Helpdesk.Triage.Customers;

/// <summary>
/// Who a customer is, from whatever identity a conversation carries. Pluggable so an operator can
/// put a CRM behind it; the shipped <see cref="FileCustomerDirectory"/> reads a JSON file.
/// Implementations are thread-safe: every conversation asks concurrently.
/// </summary>
public interface ICustomerDirectory
{
    /// <summary>
    /// The account the identity belongs to, or null when none matches. Parts are tried from the
    /// most to the least specific: account ID, Teams user (object id and tenant), email, phone;
    /// the first that matches decides.
    /// </summary>
    /// <remarks>A value task: an in-memory directory answers synchronously, a remote one need not.</remarks>
    ValueTask<CustomerRecord?> FindAsync(CustomerIdentity identity, CancellationToken ct);
}
