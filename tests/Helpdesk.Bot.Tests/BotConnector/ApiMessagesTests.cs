using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Bot.Tests.Hosting;
using Helpdesk.Tests.BotConnector;
using Helpdesk.Triage.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Bot.Tests.BotConnector;

/// <summary><c>/api/messages</c> of the running host as Azure Bot Service drives it: tokens from our own
/// issuer on loopback, replies into a fake channel on loopback that checks the bot's token.</summary>
public sealed class ApiMessagesTests : IAsyncLifetime
{
    private readonly LogRecorder _logs = new();

    // A host of its own per test: the assertions count every call the channel received.
    private readonly ConnectorHost _host;

    public ApiMessagesTests() =>
        _host = new ConnectorHost((builder, _) => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(_logs)));

    private TestIssuer Issuer => _host.Issuer;

    private FakeConnector Channel => _host.Channel;

    private KestrelBot Bot => _host.Bot;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_channel_message_is_answered_at_once_and_the_replies_reach_the_channel_with_the_bots_token()
    {
        using var metrics = new MetricRecorder(Bot.Factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), Channels.BotConnector.ConnectorMetrics.MeterName);
        using var welcome = await PostAsync(Activity("conversationUpdate", "c1", "a0", membersAdded: true), ValidToken());
        using var message = await PostAsync(Activity("message", "c1", "a1", text: "I want to talk to a person"), ValidToken());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (welcome.StatusCode, message.StatusCode));
        var calls = await _host.CallsAsync(until: _ => Channel.Calls.Count >= 2);
        Assert.All(calls, call => Assert.Equal("Bearer token-1", call.Authorization));
        Assert.Contains(calls, call => call.Path == "/v3/conversations/c1/activities/a1");
        var reply = JsonDocument.Parse(calls.Last(c => c.Path.EndsWith("/a1", StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal(("bot-1", "user-1", "a1"), (reply.GetProperty("from").GetProperty("id").GetString(), reply.GetProperty("recipient").GetProperty("id").GetString(), reply.GetProperty("replyToId").GetString()));
        Assert.Single(Channel.TokenRequests);
        while (metrics.Of("helpdesk.connector.replies").Count < 2) await Task.Delay(20, Cancel); // counted once the last reply is in
        Assert.All(metrics.Of("helpdesk.connector.replies"), m => Assert.Equal("sent", m.Tags["helpdesk.connector.outcome"]));
        // The gauge reads what waits on this host: once both entries are done, nothing.
        do
        {
            await Task.Delay(20, Cancel);
            metrics.Observe();
        }
        while (metrics.Of("helpdesk.connector.waiting")[^1].Value != 0);
    }

    public static TheoryData<string> Forgeries() =>
        ["none", "garbage", "unsigned", "unpublished", "audience", "issuer", "expired", "unendorsed", "channel", "serviceurl", "hmac"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_tokens_get_401_and_nothing_happens(string forgery)
    {
        var conversation = "forged-" + forgery;

        using var response = await PostAsync(Activity("message", conversation, "x1", text: "I want to talk to a person", channelId: forgery == "channel" ? "slack" : "msteams"), Forge(forgery));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("IDX", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal); // no token-library internals
        var store = (ITriageStore)Bot.Factory.Services.GetService(typeof(ITriageStore))!;
        Assert.Null(await store.LoadAsync(conversation, Cancel));
        Assert.Empty(Channel.Calls);
        Assert.Empty(Channel.TokenRequests);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_their_statuses()
    {
        using var get = await Bot.Http.GetAsync(new Uri("/api/messages", UriKind.Relative), Cancel);
        using var typeless = await PostRawAsync("""{"text":"hi","serviceUrl":"SERVICE"}""".Replace("SERVICE", Channel.ServiceUrl, StringComparison.Ordinal), ValidToken());
        using var notJson = await PostRawAsync("{", ValidToken());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typeless.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_and_event_names_are_accepted_and_ignored_without_an_error()
    {
        using var unknownType = await PostAsync(Activity("someFutureType", "c4", "u1"), ValidToken());
        using var unknownEvent = await PostAsync(Activity("event", "c4", "u2", name: "some.vendor.event"), ValidToken());
        using var message = await PostAsync(Activity("message", "c4", "u3", text: "help"), ValidToken());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknownType.StatusCode, unknownEvent.StatusCode));
        // One conversation's turns run in order: once the message is answered, the two before it have been handled.
        var calls = await _host.CallsAsync(until: c => c.Path.EndsWith("/u3", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.Path.EndsWith("/u1", StringComparison.Ordinal) || c.Path.EndsWith("/u2", StringComparison.Ordinal));
        Assert.NotEmpty(_logs.Entries); // the recorder hears the host
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_health_check_invoke_is_answered_in_the_response_and_an_unknown_invoke_is_501()
    {
        using var healthCheck = await PostAsync(Activity("invoke", "c5", "i1", name: "healthCheck"), ValidToken());
        using var unknown = await PostAsync(Activity("invoke", "c5", "i2", name: "composeExtension/query"), ValidToken());

        Assert.Equal(HttpStatusCode.OK, healthCheck.StatusCode);
        Assert.Equal("application/json", healthCheck.Content.Headers.ContentType?.MediaType);
        var results = JsonDocument.Parse(await healthCheck.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("healthResults");
        Assert.True(results.GetProperty("success").GetBoolean());
        Assert.Equal(HttpStatusCode.NotImplemented, unknown.StatusCode);
        Assert.Empty(Channel.Calls);
    }

    [Fact]
    public async Task The_bot_joining_a_conversation_gets_exactly_one_welcome_and_another_member_joining_none()
    {
        var joined = Activity("conversationUpdate", "c6", "j1");
        joined["membersAdded"] = new[] { new { id = "user-1" }, new { id = "bot-1" } };
        var another = Activity("conversationUpdate", "c6", "j2");
        another["membersAdded"] = new[] { new { id = "user-2" } };
        using var first = await PostAsync(joined, ValidToken());
        using var second = await PostAsync(another, ValidToken());
        using var message = await PostAsync(Activity("message", "c6", "j3", text: "help"), ValidToken());

        var calls = await _host.CallsAsync(until: c => c.Path.EndsWith("/j3", StringComparison.Ordinal));
        var welcome = Assert.Single(calls, c => c.Path.EndsWith("/j1", StringComparison.Ordinal));
        Assert.Equal("message", JsonDocument.Parse(welcome.Body).RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain(calls, c => c.Path.EndsWith("/j2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_activity_expecting_replies_gets_them_in_the_response_and_nothing_goes_through_the_connector()
    {
        var activity = Activity("message", "c7", "e1", text: "I want to talk to a person");
        activity["deliveryMode"] = "expectReplies";

        using var response = await PostAsync(activity, ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal(("e1", "bot-1", "user-1", "c7"),
            (r.GetProperty("replyToId").GetString(), r.GetProperty("from").GetProperty("id").GetString(), r.GetProperty("recipient").GetProperty("id").GetString(), r.GetProperty("conversation").GetProperty("id").GetString())));
        Assert.Contains(replies, r => r.GetProperty("type").GetString() == "message" && r.GetProperty("text").GetString()!.Length > 0);
        Assert.Empty(Channel.Calls);
        Assert.Empty(Channel.TokenRequests);
    }

    [Fact]
    public async Task A_redelivered_activity_is_one_turn()
    {
        for (var i = 0; i < 3; i++) (await PostAsync(Activity("message", "c3", "same-id", text: "I want to talk to a person"), ValidToken())).Dispose();
        (await PostAsync(Activity("message", "c3", "next-id", text: "help"), ValidToken())).Dispose();

        var calls = await _host.CallsAsync(until: c => c.Path.EndsWith("/next-id", StringComparison.Ordinal));
        var replies = calls.Where(c => c.Path.EndsWith("/same-id", StringComparison.Ordinal)).Select(c => c.Body).ToList();
        Assert.Equal(replies.Count, replies.Distinct().Count());
        var store = (ITriageStore)Bot.Factory.Services.GetService(typeof(ITriageStore))!;
        var transcript = (await store.LoadAsync("c3", Cancel))!.State.Transcript;
        Assert.Single(transcript, entry => entry.Role == "user" && entry.Text == "I want to talk to a person");
    }

    private string ValidToken() => _host.ValidToken();

    private string? Forge(string forgery) => forgery switch
    {
        "none" => null,
        "garbage" => "not.a.token",
        "unsigned" => TestIssuer.UnsignedToken(),
        "unpublished" => Issuer.Token(t => { t.Subject = ServiceClaim(); t.SigningCredentials = new SigningCredentials(Issuer.UnpublishedKey, SecurityAlgorithms.RsaSha256); }),
        "audience" => Issuer.Token(t => { t.Subject = ServiceClaim(); t.Audience = "someone-else"; }),
        "issuer" => Issuer.Token(t => { t.Subject = ServiceClaim(); t.Issuer = "https://evil.example/"; }),
        "expired" => Issuer.Token(t => { t.Subject = ServiceClaim(); t.NotBefore = DateTime.UtcNow.AddHours(-2); t.IssuedAt = t.NotBefore; t.Expires = DateTime.UtcNow.AddMinutes(-10); }),
        "unendorsed" => Issuer.Token(t => { t.Subject = ServiceClaim(); t.SigningCredentials = new SigningCredentials(Issuer.UnendorsedKey, SecurityAlgorithms.RsaSha256); }),
        "channel" => ValidToken(),
        "serviceurl" => Issuer.Token(t => t.Subject = new ClaimsIdentity([new Claim("serviceurl", "https://attacker.example/")])),
        "hmac" => Issuer.Token(t => { t.Subject = ServiceClaim(); t.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]) { KeyId = "channel-key" }, SecurityAlgorithms.HmacSha256); }),
        _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
    };

    private ClaimsIdentity ServiceClaim() => new([new Claim("serviceurl", Channel.ServiceUrl)]);

    private Dictionary<string, object?> Activity(string type, string conversation, string id, string? text = null, bool membersAdded = false, string channelId = "msteams", string? name = null) => new Dictionary<string, object?>
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = channelId,
        ["serviceUrl"] = Channel.ServiceUrl,
        ["from"] = new { id = "user-1", name = "Ana" },
        ["recipient"] = new { id = "bot-1", name = "Support" },
        ["conversation"] = new { id = conversation },
        ["text"] = text,
        ["name"] = name,
        ["membersAdded"] = membersAdded ? new[] { new { id = "bot-1" } } : null,
    };

    private Task<HttpResponseMessage> PostAsync(Dictionary<string, object?> activity, string? token) => _host.PostAsync(activity, token);

    private Task<HttpResponseMessage> PostRawAsync(string json, string? token) => _host.PostRawAsync(json, token);

}
