using System.Text.Json;
using Helpdesk.Tests.BotConnector;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Bot.Tests.BotConnector;

/// <summary>A Teams personal chat through <c>/api/messages</c> with activities shaped as Teams sends
/// them: the user's Entra id and tenant, an @mention in the text, and a card submit for an answer.</summary>
public sealed class TeamsTranscriptTests : IAsyncLifetime
{
    private const string Tenant = "8a8467f2-a00e-49d6-b543-595365f75785";
    private const string KnownUser = "da970c12-2fdc-4883-907e-4fff89ac03c4"; // mapped to ACC-40001 in customers.json
    private const string Conversation = "a:1Xr9mT0Lq7pE2wN5vB8cK3jH6gF4dS1aZ";
    private readonly ConnectorHost _host = new();
    private int _sequence;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_known_Teams_user_is_welcomed_never_asked_for_their_account_and_their_card_answers_count_like_typing()
    {
        await SendAsync(Teams("conversationUpdate", membersAdded: true));
        await SendAsync(Teams("message", text: "<at>Support</at> I want to talk to a person"));
        var afterAsking = await RepliesAsync(2);
        // The answer is what Teams sends for the card's button: its data as the value, no text.
        await SendAsync(Teams("message", value: SubmitData(afterAsking, "Chat now")));

        var replies = await RepliesAsync(3);
        var texts = replies.Select(r => r.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "").ToList();
        Assert.DoesNotContain(texts, t => t.Contains("account ID", StringComparison.OrdinalIgnoreCase) || t.Contains("account number", StringComparison.OrdinalIgnoreCase));
        var reference = texts.Select(CaseReference.Find).Last(r => r is not null)!;
        var stored = await ((ICaseStore)_host.Bot.Factory.Services.GetService(typeof(ICaseStore))!).FindCaseAsync(reference, Cancel);
        Assert.Equal("ACC-40001", stored!.Details.Facts.AccountId);
        Assert.Equal("msteams", stored.Details.ChannelId);
        Assert.Equal("Corriebrook Logistics DAC", stored.Plan!.Customer!.Company);
        Assert.Contains(stored.Transcript, entry => entry.Role == "user" && entry.Text == "I want to talk to a person");
        Assert.NotEmpty(afterAsking);
        Assert.All(replies, r => Assert.Equal("28:bot-id", r.GetProperty("from").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_agents_reply_from_the_console_reaches_the_Teams_conversation()
    {
        await SendAsync(Teams("message", text: "I want to talk to a person"));
        await SendAsync(Teams("message", value: new { choice = "Chat now" }));
        var reference = (await RepliesAsync(2)).Select(r => r.TryGetProperty("text", out var text) ? CaseReference.Find(text.GetString() ?? "") : null).Last(r => r is not null)!;

        using var agent = Helpdesk.Bot.Tests.Agents.AgentClient.For(_host.Bot);
        (await agent.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();
        (await agent.PostAsync($"/api/cases/{reference}/claim")).Dispose();
        using var replied = await agent.PostAsync($"/api/cases/{reference}/reply", new { text = "Hello Maeve, I'm looking at it now." });

        Assert.Equal(System.Net.HttpStatusCode.OK, replied.StatusCode);
        var sent = (await _host.CallsAsync(until: c => c.Body.Contains("looking at it now", StringComparison.Ordinal))).Single(c => c.Body.Contains("looking at it now", StringComparison.Ordinal));
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(Conversation)}/activities", sent.Path);
        Assert.Equal("admin: Hello Maeve, I'm looking at it now.", JsonDocument.Parse(sent.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task After_the_app_is_uninstalled_nothing_more_is_sent_to_the_conversation()
    {
        await SendAsync(Teams("message", text: "I want to talk to a person"));
        await SendAsync(Teams("message", value: new { choice = "Chat now" }));
        var reference = (await RepliesAsync(2)).Select(r => r.TryGetProperty("text", out var text) ? CaseReference.Find(text.GetString() ?? "") : null).Last(r => r is not null)!;
        var uninstall = Teams("installationUpdate");
        uninstall["action"] = "remove";
        await SendAsync(uninstall);
        var store = (Helpdesk.Triage.Storage.ITriageStore)_host.Bot.Factory.Services.GetService(typeof(Helpdesk.Triage.Storage.ITriageStore))!;
        while ((await store.LoadAsync(Conversation, Cancel))!.State.ReplyAddress is not null) await Task.Delay(20, Cancel);

        using var agent = Helpdesk.Bot.Tests.Agents.AgentClient.For(_host.Bot);
        (await agent.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();
        (await agent.PostAsync($"/api/cases/{reference}/claim")).Dispose();
        using var replied = await agent.PostAsync($"/api/cases/{reference}/reply", new { text = "Are you still there?" });

        Assert.Equal(System.Net.HttpStatusCode.OK, replied.StatusCode); // recorded on the case
        Assert.DoesNotContain(_host.Channel.Calls, c => c.Body.Contains("still there", StringComparison.Ordinal));
    }

    /// <summary>The data of the Action.Submit button titled <paramref name="title"/> on the bot's Adaptive Cards.</summary>
    private static JsonElement SubmitData(IEnumerable<JsonElement> replies, string title) =>
        replies.Where(r => r.TryGetProperty("attachments", out _))
            .SelectMany(r => r.GetProperty("attachments").EnumerateArray())
            .Where(a => a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive" && a.GetProperty("content").TryGetProperty("actions", out _))
            .SelectMany(a => a.GetProperty("content").GetProperty("actions").EnumerateArray())
            .Single(action => action.GetProperty("type").GetString() == "Action.Submit" && action.GetProperty("title").GetString() == title)
            .GetProperty("data");

    private async Task SendAsync(Dictionary<string, object?> activity)
    {
        using var response = await _host.PostAsync(activity, _host.ValidToken());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The bot's replies so far, once it has answered <paramref name="turns"/> activities.</summary>
    private async Task<List<JsonElement>> RepliesAsync(int turns)
    {
        var calls = await _host.CallsAsync(until: _ => _host.Channel.Calls.Select(c => c.Path).Distinct().Count() >= turns);
        return [.. calls.Select(c => JsonDocument.Parse(c.Body).RootElement)];
    }

    private Dictionary<string, object?> Teams(string type, string? text = null, object? value = null, bool membersAdded = false) => new()
    {
        ["type"] = type,
        ["id"] = "1677" + Interlocked.Increment(ref _sequence).ToString("D9", System.Globalization.CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _host.Channel.ServiceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow,
        ["from"] = new { id = "29:1AbCdEfGhIjKlMnOpQrStUvWxYz", name = "Maeve O'Connor", aadObjectId = KnownUser },
        ["recipient"] = new { id = "28:bot-id", name = "Support" },
        ["conversation"] = new { id = Conversation, conversationType = "personal", tenantId = Tenant },
        ["channelData"] = new { tenant = new { id = Tenant } },
        ["text"] = text,
        ["value"] = value,
        ["membersAdded"] = membersAdded ? new object[] { new { id = "28:bot-id" } } : null,
        ["entities"] = text is null ? null : new object[] { new { type = "mention", text = "<at>Support</at>", mentioned = new { id = "28:bot-id", name = "Support" } } },
    };
}
