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
    public async Task A_case_transferred_more_than_twice_is_escalated_by_the_sweep_once_per_new_reason()
    {
        var reference = await HandOffAsync();
        using var admin = AgentClient.For(_bot);
        (await admin.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();
        foreach (var queue in new[] { "billing", "general", "billing" })
        {
            using var moved = await admin.PostAsync($"/api/cases/{reference}/transfer", new { queue, reason = "not ours" });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var detail = await EscalationsAsync(admin, reference, count: 1);
        Assert.Equal(["reassigned 3 times (more than 2)"], detail.GetProperty("escalation").EnumerateArray().Select(e => e.GetString()));

        // One more bounce is news; the sweeps that ran meanwhile must not have raised the first reason again.
        using (var moved = await admin.PostAsync($"/api/cases/{reference}/transfer", new { queue = "general", reason = "still not ours" })) Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        detail = await EscalationsAsync(admin, reference, count: 2);
        var escalated = detail.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == CaseEventKinds.Escalated).Select(e => e.GetProperty("text").GetString());
        Assert.Equal(["to supervisors: reassigned 3 times (more than 2)", "to supervisors: reassigned 4 times (more than 2)"], escalated);
        using (var back = await admin.PostAsync($"/api/cases/{reference}/transfer", new { queue = "billing", reason = "billing after all" })) Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        await EscalationsAsync(admin, reference, count: 3);

        var list = await admin.GetJsonAsync("/api/cases?status=escalated");
        Assert.True(Assert.Single(list.EnumerateArray()).GetProperty("escalated").GetBoolean());
        var billing = (await admin.GetJsonAsync("/api/queues")).EnumerateArray().Single(q => q.GetProperty("id").GetString() == "billing");
        Assert.Equal(1, billing.GetProperty("escalated").GetInt32());
    }

    public void Dispose() => _bot.Dispose();

    /// <summary>The case once the sweep has raised <paramref name="count"/> escalation reasons on it.</summary>
    private static async Task<System.Text.Json.JsonElement> EscalationsAsync(AgentClient admin, string reference, int count)
    {
        var detail = await admin.GetJsonAsync($"/api/cases/{reference}");
        while (detail.GetProperty("escalation").GetArrayLength() < count)
        {
            await Task.Delay(50, Cancel);
            detail = await admin.GetJsonAsync($"/api/cases/{reference}");
        }

        return detail;
    }

    private async Task<string> HandOffAsync()
    {
        var (conversationId, token) = await _bot.Client.SessionAsync();
        await _bot.Client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", "ACC-20931", "Chat now" }) (await _bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        var activities = (await _bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        return activities.Select(a => a.TryGetProperty("text", out var text) ? CaseReference.Find(text.GetString() ?? "") : null).Last(r => r is not null)!;
    }
}
