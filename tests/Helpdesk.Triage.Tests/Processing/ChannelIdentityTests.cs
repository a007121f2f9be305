using System.Text.Json;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Processing;

namespace Helpdesk.Triage.Tests.Processing;

public sealed class ChannelIdentityTests
{
    [Fact]
    public void Teams_identity_comes_from_the_users_object_id_and_the_tenant_wherever_Teams_put_it()
    {
        var inConversation = Activity(new ConversationAccount { Id = "a:1", TenantId = "tenant-a" }, null);
        var inChannelData = Activity(new ConversationAccount { Id = "19:channel" }, JsonDocument.Parse("""{"tenant":{"id":"tenant-b"}}""").RootElement);

        Assert.Equal(("object-1", "tenant-a", "msteams"), (ChannelIdentity.Of(inConversation)!.AadObjectId, ChannelIdentity.Of(inConversation)!.TenantId, ChannelIdentity.Of(inConversation)!.ChannelId));
        Assert.Equal("tenant-b", ChannelIdentity.Of(inChannelData)!.TenantId);
    }

    [Fact]
    public void Without_an_object_id_and_a_tenant_the_channel_vouches_for_nobody()
    {
        Assert.Null(ChannelIdentity.Of(new Activity { Type = ActivityTypes.Message, From = new ChannelAccount { Id = "dl_123" } }));
        Assert.Null(ChannelIdentity.Of(Activity(new ConversationAccount { Id = "a:1" }, null)));
    }

    private static Activity Activity(ConversationAccount conversation, JsonElement? channelData) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:user", AadObjectId = "object-1" },
        Conversation = conversation,
        ChannelData = channelData,
    };
}
