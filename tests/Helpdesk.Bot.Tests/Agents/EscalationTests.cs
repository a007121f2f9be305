using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Triage.Cases;
using Microsoft.AspNetCore.Hosting;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>The escalation sweep of a running host: a case bounced between queues more than twice is
/// brought to the supervisors — on the case, in the escalated list and in the queue overview.</summary>
public sealed class EscalationTests : IDisposable
{
    private readonly KestrelBot _bot = new(null, builder => builder.UseSetting("Console:EscalationSweep", "00:00:00.200"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_transferred_three_times_is_escalated_once_by_the_sweep()
    {
        var reference = await HandOffAsync();
        using var admin = AgentClient.For(_bot);
        (await admin.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();
        foreach (var queue in new[] { "billing", "general", "billing" })
        {
            using var moved = await admin.PostAsync($"/api/cases/{reference}/transfer", new { queue, reason = "not ours" });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var detail = await admin.GetJsonAsync($"/api/cases/{reference}");
        while (!detail.GetProperty("escalation").EnumerateArray().Any())
        {
            await Task.Delay(100, Cancel);
            detail = await admin.GetJsonAsync($"/api/cases/{reference}");
        }

        Assert.Equal(["reassigned 3 times (more than 2)"], detail.GetProperty("escalation").EnumerateArray().Select(e => e.GetString()));
        await Task.Delay(600, Cancel); // a few more sweeps: the same reason is not raised again
        detail = await admin.GetJsonAsync($"/api/cases/{reference}");
        var escalated = detail.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == CaseEventKinds.Escalated).ToList();
        Assert.Equal("to supervisors: reassigned 3 times (more than 2)", Assert.Single(escalated).GetProperty("text").GetString());

        var list = await admin.GetJsonAsync("/api/cases?status=escalated");
        Assert.True(Assert.Single(list.EnumerateArray()).GetProperty("escalated").GetBoolean());
        var billing = (await admin.GetJsonAsync("/api/queues")).EnumerateArray().Single(q => q.GetProperty("id").GetString() == "billing");
        Assert.Equal(1, billing.GetProperty("escalated").GetInt32());
    }

    public void Dispose() => _bot.Dispose();

    private async Task<string> HandOffAsync()
    {
        var (conversationId, token) = await _bot.Client.SessionAsync();
        await _bot.Client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", "ACC-20931", "Chat now" }) (await _bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        var activities = (await _bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        return activities.Select(a => a.TryGetProperty("text", out var text) ? CaseReference.Find(text.GetString() ?? "") : null).Last(r => r is not null)!;
    }
}
