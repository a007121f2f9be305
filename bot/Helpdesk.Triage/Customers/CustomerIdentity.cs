namespace Helpdesk.Triage.Customers;

/// <summary>
/// What we know of who is writing, each part as the channel or the customer gave it; any may be
/// missing. The parts are claims, not proof: an account ID typed into the chat only says which
/// account the customer means, so what a directory returns for it informs agents and priority,
/// never what the customer is shown.
/// </summary>
public sealed record CustomerIdentity
{
    /// <summary>An account ID such as "ACC-20931", typed by the customer or known from an earlier case.</summary>
    public string? AccountId { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>The channel the message came on ("directline", "msteams", …).</summary>
    public string? ChannelId { get; init; }

    /// <summary>The channel's own id for the user; stable per channel, meaningless across channels.
    /// A directory that stores channel accounts (a CRM) may match it; the file directory does not.</summary>
    public string? ChannelUserId { get; init; }

    /// <summary>The Microsoft Entra (Azure AD) object id Teams sends; only meaningful with <see cref="TenantId"/>.</summary>
    public string? AadObjectId { get; init; }

    public string? TenantId { get; init; }
}
