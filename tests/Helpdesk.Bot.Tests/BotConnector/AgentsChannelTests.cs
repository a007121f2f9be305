using System.Text.Json;
using Helpdesk.Triage.Cases;
using Microsoft.AspNetCore.Hosting;

namespace Helpdesk.Bot.Tests.BotConnector;

/// <summary>The agents' Teams channel: a Web Chat handoff is posted there as a card, and "Claim" pressed
/// on it by a linked agent claims the case for them.</summary>
public sealed class AgentsChannelTests : IAsyncLifetime
{
    private const string AgentsChannel = "19:agents4f2a@thread.tacv2";
    private const string Maya = "3b1c6f0e-8d2a-4e5b-9c7d-1f2e3a4b5c6d"; // teamsAadObjectId in routing.json
    private readonly ConnectorHost _host = new((builder, host) =>
    {
        builder.UseSetting("Teams:AgentsChannel:ServiceUrl", host.Channel.ServiceUrl);
        builder.UseSetting("Teams:AgentsChannel:ConversationId", AgentsChannel);
        builder.UseSetting("Teams:AgentsChannel:ConsoleUrl", "https://support.example.com");
    });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_handoff_is_posted_as_a_card_and_Claim_on_it_claims_the_case_for_the_linked_agent()
    {
        var reference = await HandOffInWebChatAsync();

        var posted = (await _host.CallsAsync(until: c => c.Path == "/v3/conversations/19%3Aagents4f2a%40thread.tacv2/activities")).First(c => c.Path.Contains("agents4f2a", StringComparison.Ordinal));
        var card = JsonDocument.Parse(posted.Body).RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("1.5", card.GetProperty("content").GetProperty("version").GetString());
        var actions = card.GetProperty("content").GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(("Action.Submit", "claim", reference), (actions[0].GetProperty("type").GetString(), actions[0].GetProperty("data").GetProperty("action").GetString(), actions[0].GetProperty("data").GetProperty("reference").GetString()));
        Assert.Equal($"https://support.example.com/agent#case={reference}", actions[1].GetProperty("url").GetString());

        using var stranger = await _host.PostAsync(ClaimPressedBy("00000000-0000-0000-0000-00000000beef", reference), _host.ValidToken());
        using var claimed = await _host.PostAsync(ClaimPressedBy(Maya, reference), _host.ValidToken());

        var replies = await _host.CallsAsync(until: c => c.Body.Contains("claimed " + reference, StringComparison.Ordinal));
        Assert.Contains(replies, c => c.Body.Contains("not linked to an agent", StringComparison.Ordinal));
        var thread = replies.Single(c => c.Body.Contains("Maya Okafor claimed " + reference, StringComparison.Ordinal));
        Assert.StartsWith("/v3/conversations/19%3Aagents4f2a%40thread.tacv2%3Bmessageid%3D", thread.Path, StringComparison.Ordinal);
        var stored = await ((ICaseStore)_host.Bot.Factory.Services.GetService(typeof(ICaseStore))!).FindCaseAsync(reference, Cancel);
        Assert.Equal(("maya", CaseStatus.Assigned), (stored!.Work.Owner, stored.Work.Status));

        // The card itself now says who has the case, and offers no Claim any more.
        var updated = (await _host.CallsAsync(until: c => c.Method == "PUT")).Single(c => c.Method == "PUT");
        Assert.StartsWith("/v3/conversations/19%3Aagents4f2a%40thread.tacv2/activities/activity-", updated.Path, StringComparison.Ordinal);
        var content = JsonDocument.Parse(updated.Body).RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.DoesNotContain(content.GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() == "Action.Submit");
        Assert.Contains(content.GetProperty("body")[2].GetProperty("facts").EnumerateArray(), f => f.GetProperty("value").GetString() == "With Maya Okafor");
    }

    private async Task<string> HandOffInWebChatAsync()
    {
        var client = _host.Bot.Client;
        var (conversationId, token) = await client.SessionAsync();
        await client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", "ACC-20931", "Chat now" }) (await client.PostMessageAsync(conversationId, token, text)).Dispose();
        var activities = (await client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        return activities.Select(a => a.TryGetProperty("text", out var text) ? CaseReference.Find(text.GetString() ?? "") : null).Last(r => r is not null)!;
    }

    private Dictionary<string, object?> ClaimPressedBy(string aadObjectId, string reference) => new()
    {
        ["type"] = "message",
        ["id"] = "1677" + Guid.NewGuid().ToString("N")[..9],
        ["channelId"] = "msteams",
        ["serviceUrl"] = _host.Channel.ServiceUrl,
        ["from"] = new { id = "29:agent-" + aadObjectId[..8], name = "Agent", aadObjectId },
        ["recipient"] = new { id = "28:bot-id", name = "Support" },
        ["conversation"] = new { id = AgentsChannel + ";messageid=1677000000001", conversationType = "channel", isGroup = true, tenantId = "8a8467f2-a00e-49d6-b543-595365f75785" },
        ["value"] = new { action = "claim", reference },
    };
}
