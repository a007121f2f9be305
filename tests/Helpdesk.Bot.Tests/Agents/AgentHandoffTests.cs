using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Tests.Databases;
using Microsoft.AspNetCore.Hosting;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>A customer's handoff worked from the agent side over real HTTP: the case appears, the
/// agent claims and replies, the reply reaches the customer's chat, the bot stays silent while the
/// agent has it, and after the resolution the bot is back and asks for a rating. The same scenarios
/// run on the embedded database and on PostgreSQL (the subclasses at the end).</summary>
public abstract class AgentHandoffScenarios
{
    private KestrelBot? _bot;

    private KestrelBot Bot => _bot ??= StartBot();

    protected abstract KestrelBot StartBot();

    [Fact]
    public async Task ClaimReplyResolve_FromTheConsole_ReachesTheCustomer_AndTheBotStaysQuietMeanwhile()
    {
        var customer = Bot.Client;
        var (conversationId, token) = await customer.SessionAsync();
        await customer.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", "ACC-20931", "Chat now" }) (await customer.PostMessageAsync(conversationId, token, text)).Dispose();
        var reference = (await TextsAsync(conversationId, token)).Select(Helpdesk.Triage.Cases.CaseReference.Find).Last(r => r is not null)!;
        // The handoff event reaches the chat in the background; once it is there, the chat changes only by what follows.
        await customer.WaitForAsync(conversationId, token, DirectLineClient.IsHandoffInitiation, TestContext.Current.CancellationToken);

        using var agent = AgentClient.For(Bot);
        using var signedIn = await agent.SignInAsync("admin", BotFactory.AdminPassword);
        Assert.Equal("/agent", signedIn.Headers.Location?.ToString());

        var open = await agent.GetJsonAsync("/api/cases?status=open");
        var summary = open.EnumerateArray().Single(c => c.GetProperty("reference").GetString() == reference);
        Assert.Equal("queued", summary.GetProperty("status").GetString());

        using (var claimed = await agent.PostAsync($"/api/cases/{reference}/claim")) Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        using (var replied = await agent.PostAsync($"/api/cases/{reference}/reply", new { text = "Hello, this is the Northbeam team. I'm on it." }))
        {
            Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        }

        var seen = await ActivitiesAsync(conversationId, token);
        var fromAgent = seen.Last();
        Assert.Equal("Hello, this is the Northbeam team. I'm on it.", fromAgent.GetProperty("text").GetString());
        Assert.Equal(("agent:admin", "bot"), (fromAgent.GetProperty("from").GetProperty("id").GetString(), fromAgent.GetProperty("from").GetProperty("role").GetString()));

        var before = seen.Count;
        (await customer.PostMessageAsync(conversationId, token, "thanks, the charge was 14.99")).Dispose();
        var afterCustomer = await ActivitiesAsync(conversationId, token);
        Assert.Equal(before + 1, afterCustomer.Count);
        Assert.Equal("user", afterCustomer[^1].GetProperty("from").GetProperty("role").GetString());

        using (var resolved = await agent.PostAsync($"/api/cases/{reference}/resolve", new { disposition = "refund-issued" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        Assert.Contains("How would you rate", (await TextsAsync(conversationId, token))[^1], StringComparison.Ordinal);
        (await customer.PostMessageAsync(conversationId, token, "5")).Dispose();
        Assert.Contains("Thank you for the rating", (await TextsAsync(conversationId, token))[^1], StringComparison.Ordinal);

        var detail = await agent.GetJsonAsync($"/api/cases/{reference}");
        Assert.Equal(("resolved", "refund-issued"), (detail.GetProperty("status").GetString(), detail.GetProperty("disposition").GetString()));
        var kinds = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["created", "claimed", "agent reply", "customer message", "resolved", "rated"], kinds);
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), t => t.GetProperty("role").GetString() == "agent");
        Assert.NotNull(detail.GetProperty("sla").GetProperty("firstResponseAt").GetString());

        var metrics = await agent.GetJsonAsync("/api/metrics");
        Assert.True(metrics.GetProperty("humanCsat").GetProperty("ratings").GetInt32() >= 1);
        Assert.True(metrics.GetProperty("handoff").GetProperty("denominator").GetInt32() >= 1);
    }

    [Fact]
    public async Task AnotherAgentsCase_CannotBeAnsweredByMe()
    {
        var (conversationId, token) = await Bot.Client.SessionAsync();
        await Bot.Client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", "ACC-12345", "Chat now" }) (await Bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        var reference = (await TextsAsync(conversationId, token)).Select(Helpdesk.Triage.Cases.CaseReference.Find).Last(r => r is not null)!;
        var accounts = Bot.Factory.Services.GetService(typeof(Helpdesk.Bot.Agents.AgentAccounts)) as Helpdesk.Bot.Agents.AgentAccounts;
        await accounts!.SetPasswordAsync("maya", "Maya Okafor", Helpdesk.Triage.Routing.AgentRole.Agent, "maya-password-long", oneTime: false, TestContext.Current.CancellationToken);

        using var admin = AgentClient.For(Bot);
        (await admin.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();
        (await admin.PostAsync($"/api/cases/{reference}/claim")).Dispose();
        using var maya = AgentClient.For(Bot);
        (await maya.SignInAsync("maya", "maya-password-long")).Dispose();

        using var refused = await maya.PostAsync($"/api/cases/{reference}/reply", new { text = "hi" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("owned by admin", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> ActivitiesAsync(string conversationId, string token) =>
        [.. (await Bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()];

    private async Task<List<string>> TextsAsync(string conversationId, string token) =>
        [.. (await ActivitiesAsync(conversationId, token)).Select(a => a.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "")];
}

public sealed class AgentHandoffTests(KestrelBot host) : AgentHandoffScenarios, IClassFixture<KestrelBot>
{
    protected override KestrelBot StartBot() => host;
}

public sealed class PostgresAgentHandoffTests(PostgresCluster cluster) : AgentHandoffScenarios, IDisposable
{
    private KestrelBot? _host;

    public void Dispose() => _host?.Dispose();

    protected override KestrelBot StartBot()
    {
        var connectionString = cluster.CreateDatabaseAsync().GetAwaiter().GetResult();
        return _host = new KestrelBot(null, builder =>
        {
            builder.UseSetting("Storage:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Helpdesk", connectionString);
        });
    }
}
