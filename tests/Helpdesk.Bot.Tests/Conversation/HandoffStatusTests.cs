using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;

namespace Helpdesk.Bot.Tests.Conversation;

/// <summary>Checklist 42 over real Direct Line: an engagement hub posts <c>handoff.status</c> into the
/// conversation with the Direct Line secret, and the bot goes quiet, says the handoff failed, or
/// answers again. Each post returns once the bot has answered it, so what the bot said is in the log by then.</summary>
public sealed class HandoffStatusTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    [Fact]
    public async Task Accepted_SilencesTheBot_UntilCompleted()
    {
        var (conversationId, token) = await HandOffAsync("ACC-40001");

        await ReportAsync(conversationId, BotFactory.DirectLineSecret, "accepted");
        var whileAccepted = await BotMessagesAfterAsync(conversationId, token, "hello? is anyone there?");
        await ReportAsync(conversationId, BotFactory.DirectLineSecret, "completed");
        var afterwards = await BotMessagesAfterAsync(conversationId, token, "thanks, that's all");

        Assert.Empty(whileAccepted);
        Assert.NotEmpty(afterwards);
    }

    [Fact]
    public async Task Failed_TellsTheCustomerInTheChat()
    {
        var (conversationId, token) = await HandOffAsync("ACC-40002");
        var before = await ActivitiesAsync(conversationId, token);

        await ReportAsync(conversationId, BotFactory.DirectLineSecret, "failed");

        var fallback = Assert.Single(BotMessages((await ActivitiesAsync(conversationId, token)).Skip(before.Count)));
        Assert.Contains("couldn't connect you to a person", fallback.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusPostedWithTheCustomersToken_ChangesNothing()
    {
        var (conversationId, token) = await HandOffAsync("ACC-40003");

        await ReportAsync(conversationId, token, "accepted");
        var answered = await BotMessagesAfterAsync(conversationId, token, "one more thing: it happened twice");

        Assert.Contains("added that to case", Assert.Single(answered).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Every test uses an account of its own: the same account on the same issue would join the open case instead.</summary>
    private async Task<(string ConversationId, string Token)> HandOffAsync(string account)
    {
        var (conversationId, token) = await bot.Client.SessionAsync();
        await bot.Client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", account, "Chat now" })
        {
            (await bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        }

        return (conversationId, token);
    }

    private async Task ReportAsync(string conversationId, string bearer, string state)
    {
        using var posted = await bot.Client.PostEventAsync(conversationId, bearer, "handoff.status", $$"""{"state":"{{state}}","message":"from the test"}""");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    /// <summary>What the bot's side said in answer to one customer message.</summary>
    private async Task<List<JsonElement>> BotMessagesAfterAsync(string conversationId, string token, string text)
    {
        var before = await ActivitiesAsync(conversationId, token);
        (await bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        return BotMessages((await ActivitiesAsync(conversationId, token)).Skip(before.Count));
    }

    // Only messages: the handoff.initiate event may arrive at any moment, and is no answer.
    private static List<JsonElement> BotMessages(IEnumerable<JsonElement> activities) =>
        [.. activities.Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() == "bot")];

    private async Task<List<JsonElement>> ActivitiesAsync(string conversationId, string token) =>
        [.. (await bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()];
}
