using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.DirectLine;

/// <summary>What the bot's side sends into a conversation outside a turn (agents' messages, handoff events).</summary>
public sealed class DirectLineSendTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    [Fact]
    public async Task Send_AgainWithTheSameIdempotencyKey_RecordsNothingNew()
    {
        var (conversationId, token) = await bot.Client.SessionAsync();
        await bot.Client.StartAsync(token);
        var directLine = bot.Factory.Services.GetRequiredService<DirectLineServer>();
        var initiation = new Activity { Type = ActivityTypes.Event, Name = HandoffEventNames.Initiate };

        var first = await directLine.SendAsync(conversationId, initiation, "outbox:7", TestContext.Current.CancellationToken);
        var again = await directLine.SendAsync(conversationId, initiation, "outbox:7", TestContext.Current.CancellationToken);

        Assert.NotNull(first);
        Assert.NotNull(again);
        Assert.Equal((false, true, first.Activity.Id), (first.WasDuplicate, again.WasDuplicate, again.Activity.Id));
        Assert.Equal("bot", first.Activity.From!.Role);
        var recorded = (await bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        Assert.Single(recorded, DirectLineClient.IsHandoffInitiation);
    }

    [Fact]
    public async Task Send_ToAConversationThatDoesNotExist_RecordsNothing()
    {
        var directLine = bot.Factory.Services.GetRequiredService<DirectLineServer>();

        var sent = await directLine.SendAsync("no-such-conversation", new Activity { Type = ActivityTypes.Message, Text = "hello" }, null, TestContext.Current.CancellationToken);

        Assert.Null(sent);
    }
}
