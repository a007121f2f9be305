using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Agents;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>An agent opens the console (and so comes online), the queues show their capacity, and
/// "take next" hands out the waiting cases one by one until the agent's capacity is reached.</summary>
public sealed class TakeNextTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_online_agent_takes_the_next_cases_up_to_their_capacity()
    {
        for (var i = 0; i < 4; i++) await HandOffAsync("ACC-2100" + i);
        var accounts = (AgentAccounts)bot.Factory.Services.GetService(typeof(AgentAccounts))!;
        await accounts.SetPasswordAsync("luis", "Luis Ferreira", AgentRole.Agent, "luis-password-long", oneTime: false, Cancel);
        using var luis = AgentClient.For(bot);
        (await luis.SignInAsync("luis", "luis-password-long")).Dispose();

        Assert.False(Luis(await luis.GetJsonAsync("/api/agents")).GetProperty("online").GetBoolean());
        using var feed = await luis.Http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Cancel);
        await using var stream = await feed.Content.ReadAsStreamAsync(Cancel);
        await stream.ReadExactlyAsync(new byte[4], Cancel); // ": connected" has begun: the feed is open.

        Assert.True(Luis(await luis.GetJsonAsync("/api/agents")).GetProperty("online").GetBoolean());
        var general = Queue(await luis.GetJsonAsync("/api/queues"), "general");
        Assert.Equal((1, 3, 3), (general.GetProperty("agentsOnline").GetInt32(), general.GetProperty("capacity").GetInt32(), general.GetProperty("freeCapacity").GetInt32()));

        var taken = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var next = await luis.PostAsync("/api/cases/next");
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
            var detail = JsonDocument.Parse(await next.Content.ReadAsStringAsync(Cancel)).RootElement;
            Assert.Equal(("assigned", "luis"), (detail.GetProperty("status").GetString(), detail.GetProperty("owner").GetString()));
            taken.Add(detail.GetProperty("reference").GetString()!);
        }

        using var full = await luis.PostAsync("/api/cases/next");
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("your capacity is 3", await full.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(3, taken.Distinct().Count());
        Assert.Equal(3, Luis(await luis.GetJsonAsync("/api/agents")).GetProperty("openCases").GetInt32());
        Assert.Equal(0, Queue(await luis.GetJsonAsync("/api/queues"), "general").GetProperty("freeCapacity").GetInt32());

        using (var resolved = await luis.PostAsync($"/api/cases/{taken[0]}/resolve", new { disposition = "solved" })) Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        using var fourth = await luis.PostAsync("/api/cases/next");
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        using var secondResolved = await luis.PostAsync($"/api/cases/{taken[1]}/resolve", new { disposition = "solved" });
        using var empty = await luis.PostAsync("/api/cases/next");
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
    }

    private static JsonElement Luis(JsonElement agents) => agents.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "luis");

    private static JsonElement Queue(JsonElement queues, string id) => queues.EnumerateArray().Single(q => q.GetProperty("id").GetString() == id);

    private async Task HandOffAsync(string accountId)
    {
        var (conversationId, token) = await bot.Client.SessionAsync();
        await bot.Client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", accountId, "Chat now" }) (await bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        var texts = (await bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var text) ? text.GetString() : null);
        Assert.Contains(texts, t => CaseReference.Find(t ?? "") is not null);
    }
}
