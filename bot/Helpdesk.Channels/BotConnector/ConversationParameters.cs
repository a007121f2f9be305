using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.BotConnector;

/// <summary>What a new conversation is: who is in it, where (Teams tenant, channel data), and its first activity.</summary>
public sealed record ConversationParameters
{
    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public bool? IsGroup { get; init; }

    public string? TenantId { get; init; }

    public string? TopicName { get; init; }

    public System.Text.Json.Nodes.JsonObject? ChannelData { get; init; }

    public Activity? Activity { get; init; }
}

/// <summary>The channel's answer to a new conversation.</summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId, string? ServiceUrl);
