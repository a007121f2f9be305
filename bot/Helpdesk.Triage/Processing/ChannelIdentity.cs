using System.Text.Json;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Customers;

namespace Helpdesk.Triage.Processing;

/// <summary>Who the channel itself says is writing: Teams sends the user's Entra object id and tenant,
/// which the customer directory can map to an account, so a known Teams user is never asked for it.</summary>
public static class ChannelIdentity
{
    /// <summary>The channel-given identity, or null when the channel vouches for nothing lasting (Web Chat's ids are per session).</summary>
    public static CustomerIdentity? Of(Activity activity)
    {
        if (activity.From?.AadObjectId is not { Length: > 0 } objectId) return null;
        var tenant = activity.Conversation?.TenantId ?? TenantFromChannelData(activity.ChannelData);
        return tenant is null ? null : new CustomerIdentity
        {
            ChannelId = activity.ChannelId,
            ChannelUserId = activity.From.Id,
            AadObjectId = objectId,
            TenantId = tenant,
        };
    }

    // Teams puts the tenant in channelData.tenant.id (and, in personal chats, in conversation.tenantId).
    private static string? TenantFromChannelData(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
