using System.Text;
using Helpdesk.Bot.Tests.Agents;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Bot.Tests.Webhooks;
using Helpdesk.Tests.Databases;
using Helpdesk.Triage.Cases;
using Microsoft.AspNetCore.Hosting;
using Helpdesk.Triage.Outbox;

namespace Helpdesk.Bot.Tests.ScaleOut;

/// <summary>Two hosts on one PostgreSQL database, as a load balancer without affinity would use them:
/// the turns of each conversation alternate between the hosts.</summary>
public sealed class TwoHostsTests(PostgresCluster cluster) : IAsyncDisposable
{
    private KestrelBot? _a;
    private KestrelBot? _b;
    private WebhookReceiver? _receiver;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Both hosts on one new database (the test skips when there is no PostgreSQL server).</summary>
    private async Task<(KestrelBot A, KestrelBot B, WebhookReceiver Receiver)> StartHostsAsync()
    {
        var database = await cluster.CreateDatabaseAsync();
        _receiver = await WebhookReceiver.StartAsync();
        void Shared(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Helpdesk", database);
            builder.UseSetting("Webhooks:PollInterval", "00:00:00.100");
            builder.UseSetting("Webhooks:Destinations:0:Name", "helpdesk");
            builder.UseSetting("Webhooks:Destinations:0:Url", _receiver!.Url);
            builder.UseSetting("Webhooks:Destinations:0:Secret", "a-shared-webhook-secret");
        }

        _a = new KestrelBot(null, Shared);
        _b = new KestrelBot(null, Shared);
        return (_a, _b, _receiver);
    }

    public async ValueTask DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        if (_receiver is not null) await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Alternating_hosts_keep_the_state_file_one_case_per_handoff_send_each_webhook_once_and_feed_both_consoles()
    {
        var (a, b, receiver) = await StartHostsAsync();
        using var agentOnB = AgentClient.For(b);
        (await agentOnB.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();
        using var feed = await agentOnB.Http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var events = new StreamReader(await feed.Content.ReadAsStreamAsync(Cancel), Encoding.UTF8);
        Assert.StartsWith(": connected", await events.ReadLineAsync(Cancel), StringComparison.Ordinal);

        var references = new List<string>();
        for (var customer = 0; customer < 3; customer++)
        {
            var (conversationId, token) = await a.Client.SessionAsync();
            await a.Client.StartAsync(token);
            string[] turns = ["I want to talk to a person", $"ACC-3100{customer}", "Chat now"];
            for (var turn = 0; turn < turns.Length; turn++)
            {
                var host = turn % 2 == 0 ? b : a;
                using var posted = await host.Client.PostMessageAsync(conversationId, token, turns[turn]);
                posted.EnsureSuccessStatusCode();
            }

            var texts = (await a.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()
                .Select(a => a.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "").ToList();
            references.Add(texts.Select(CaseReference.Find).Last(r => r is not null)!);
        }

        Assert.Equal(3, references.Distinct().Count());
        var all = await agentOnB.GetJsonAsync("/api/cases?status=all");
        Assert.Equal(references.Order(), all.EnumerateArray().Select(c => c.GetProperty("reference").GetString()!).Order());

        // The console on host B hears about every case, whichever host wrote it.
        var heard = new HashSet<string>();
        while (!references.All(heard.Contains))
        {
            var line = await events.ReadLineAsync(Cancel);
            if (line is not null && line.StartsWith("data: ", StringComparison.Ordinal) && CaseReference.Find(line) is { } reference) heard.Add(reference);
        }

        // Each webhook event reaches the receiver once, although both hosts dispatch.
        while (receiver.Received.Count(r => r.Event == "case.created") < 3) await Task.Delay(50, Cancel);
        // Once every delivery is recorded as done, neither host has anything left to send.
        var outbox = (Helpdesk.Triage.Outbox.IOutbox)a.Factory.Services.GetService(typeof(Helpdesk.Triage.Outbox.IOutbox))!;
        while ((await outbox.DueAsync("helpdesk", OutboxPosition.Start, DateTimeOffset.UtcNow.AddYears(1), 10, Cancel)).Count > 0) await Task.Delay(50, Cancel);
        var received = receiver.Received.ToList();
        Assert.Equal(received.Count, received.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_stream_open_on_one_host_receives_what_the_other_host_recorded()
    {
        var (a, b, _) = await StartHostsAsync();
        var (conversationId, token) = await a.Client.SessionAsync();
        var started = await a.Client.StartAsync(token);
        using var socket = await DirectLineClient.ConnectAsync(started.GetProperty("streamUrl").GetString()!);

        using var posted = await b.Client.PostMessageAsync(conversationId, token, "I want to talk to a person");
        posted.EnsureSuccessStatusCode();

        // The echo of the message and the bot's answer, both recorded by host B, arrive on host A's stream.
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("I want to talk to a person", StringComparison.Ordinal) || !seen.ToString().Contains("\"role\":\"bot\"", StringComparison.Ordinal))
        {
            seen.Append(await DirectLineClient.ReceiveAsync(socket, Cancel));
        }
    }

    [Fact]
    public async Task An_agent_online_on_one_host_counts_on_the_other()
    {
        var (a, b, _) = await StartHostsAsync();
        var accounts = (Helpdesk.Bot.Agents.AgentAccounts)a.Factory.Services.GetService(typeof(Helpdesk.Bot.Agents.AgentAccounts))!;
        await accounts.SetPasswordAsync("luis", "Luis Ferreira", Helpdesk.Triage.Routing.AgentRole.Agent, "luis-password-long", oneTime: false, Cancel);
        using var luisOnA = AgentClient.For(a);
        (await luisOnA.SignInAsync("luis", "luis-password-long")).Dispose();
        using var adminOnB = AgentClient.For(b);
        (await adminOnB.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();

        using var feed = await luisOnA.Http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var events = new StreamReader(await feed.Content.ReadAsStreamAsync(Cancel), Encoding.UTF8);
        await events.ReadLineAsync(Cancel); // connected, and reported

        var luis = (await adminOnB.GetJsonAsync("/api/agents")).EnumerateArray().Single(agent => agent.GetProperty("id").GetString() == "luis");
        var general = (await adminOnB.GetJsonAsync("/api/queues")).EnumerateArray().Single(queue => queue.GetProperty("id").GetString() == "general");
        Assert.True(luis.GetProperty("online").GetBoolean());
        Assert.Equal(1, general.GetProperty("agentsOnline").GetInt32());

        // The sign-in cookie host A issued is good on host B: the keys protecting it are in the database.
        using var me = await luisOnA.Http.GetAsync(new Uri(b.Http.BaseAddress!, "/api/agent/me"), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
    }
}
