using System.Text.Json;
using Helpdesk.Tests.BotConnector;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Bot.Tests.BotConnector;

/// <summary>Checklist 41 through the Bot Connector: a handoff in a conversation that came through
/// <c>/api/messages</c> sends exactly one <c>handoff.initiate</c> to the channel, with the triage record
/// and the case's transcript; Teams, which shows no events, gets none.</summary>
public sealed class ConnectorHandoffTests : IAsyncLifetime
{
    private static readonly string[] Said = ["I want to talk to a person", "ACC-30011", "Chat now"];
    private readonly ConnectorHost _host = new();
    private int _sequence;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_handoff_sends_one_handoff_initiate_with_the_case_and_its_transcript()
    {
        var reference = await HandOffAsync("abs-webchat-1", "webchat", Said);

        var sent = await EventsAsync("abs-webchat-1");

        var call = Assert.Single(sent);
        Assert.Equal("Bearer " + _host.Channel.CurrentToken, call.Authorization);
        var initiation = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(("bot", "bot-1"), (initiation.GetProperty("from").GetProperty("role").GetString(), initiation.GetProperty("from").GetProperty("id").GetString()));
        Assert.Equal(reference, initiation.GetProperty("value").GetProperty("caseReference").GetString());
        var attachment = Assert.Single(initiation.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("application/json", "Transcript"), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("name").GetString()));
        var transcript = attachment.GetProperty("content").GetProperty("activities").EnumerateArray().ToList();
        Assert.All(transcript, a => Assert.Contains(a.GetProperty("from").GetProperty("role").GetString(), new[] { "user", "bot" }));
        Assert.Equal(Said, transcript.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.GetProperty("text").GetString()));
        Assert.Contains(transcript, a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetProperty("text").GetString()!.Contains(reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Teams_handoff_sends_no_event()
    {
        await HandOffAsync("a:teams-chat-1", "msteams", ["I want to talk to a person", "ACC-30012", "Chat now"]);
        await HandOffAsync("abs-webchat-2", "webchat", ["I want to talk to a person", "ACC-30013", "Chat now"]);

        // Events go out in outbox order: once the later handoff's event has gone, the Teams one would have too.
        await EventsAsync("abs-webchat-2");

        Assert.DoesNotContain(_host.Channel.Calls, c => c.Path.Contains("teams-chat-1", StringComparison.Ordinal) && c.Body.Contains("handoff.initiate", StringComparison.Ordinal));
    }

    /// <summary>Plays the customer's messages one turn at a time and returns the case reference the bot gave.</summary>
    private async Task<string> HandOffAsync(string conversation, string channelId, string[] said)
    {
        string? reference = null;
        foreach (var text in said)
        {
            var id = "m" + Interlocked.Increment(ref _sequence);
            using var response = await _host.PostAsync(Message(conversation, channelId, id, text), _host.ValidToken());
            response.EnsureSuccessStatusCode();
            var calls = await _host.CallsAsync(until: c => c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal));
            reference ??= calls.Where(c => c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal))
                .Select(c => JsonDocument.Parse(c.Body).RootElement)
                .Select(r => r.TryGetProperty("text", out var t) ? CaseReference.Find(t.GetString() ?? "") : null)
                .FirstOrDefault(r => r is not null);
        }

        return reference ?? throw new InvalidOperationException("The bot gave no case reference.");
    }

    private async Task<List<ConnectorCall>> EventsAsync(string conversation)
    {
        static bool IsInitiation(ConnectorCall call, string conversation) =>
            call.Path == $"/v3/conversations/{conversation}/activities" && call.Body.Contains("\"handoff.initiate\"", StringComparison.Ordinal);
        var calls = await _host.CallsAsync(until: c => IsInitiation(c, conversation));
        return [.. calls.Where(c => IsInitiation(c, conversation))];
    }

    private Dictionary<string, object?> Message(string conversation, string channelId, string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = channelId,
        ["serviceUrl"] = _host.Channel.ServiceUrl,
        ["from"] = new { id = "user-" + conversation, name = "Ana" },
        ["recipient"] = new { id = "bot-1", name = "Support" },
        ["conversation"] = new { id = conversation },
        ["text"] = text,
    };
}
