using System.Text.Json;
using Helpdesk.Channels.BotConnector;
using Helpdesk.Channels.Schema;
using Helpdesk.Tests.BotConnector;

namespace Helpdesk.Channels.Tests.BotConnector;

/// <summary>The outbound Connector client against a fake channel on loopback that checks the bearer token.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string TeamsConversation = "19:abc@thread.tacv2;messageid=1677000000000";
    private readonly HttpClient _http = new();
    private FakeConnector _channel = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _channel = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task A_reply_goes_to_the_inbound_activity_with_sender_and_recipient_swapped_and_ids_escaped()
    {
        var (client, _) = Client();

        var sent = await client.ReplyAsync(Inbound(), new Activity { Type = ActivityTypes.Message, Text = "Hello", Id = "mine", Timestamp = DateTimeOffset.UtcNow }, Cancel);

        var call = Assert.Single(_channel.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(TeamsConversation)}/activities/1677000000000%3Binbound", call.Path);
        Assert.Contains("%3Bmessageid%3D", call.Path, StringComparison.Ordinal);
        Assert.Contains("%40thread", call.Path, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(call.Body);
        var reply = body.RootElement;
        Assert.Equal(("bot-id", "29:user"), (reply.GetProperty("from").GetProperty("id").GetString(), reply.GetProperty("recipient").GetProperty("id").GetString()));
        Assert.Equal("1677000000000;inbound", reply.GetProperty("replyToId").GetString());
        Assert.False(reply.TryGetProperty("id", out _));
        Assert.False(reply.TryGetProperty("timestamp", out _));
        Assert.False(reply.TryGetProperty("attachments", out _)); // empty lists and nulls are omitted
        Assert.False(reply.TryGetProperty("Text", out _)); // camelCase
        Assert.StartsWith("activity-", sent.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_token_serves_many_calls_and_concurrent_callers_share_one_request()
    {
        var (client, _) = Client();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel)));
        await client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel);

        Assert.Single(_channel.TokenRequests);
        Assert.Equal(9, _channel.Calls.Count);
    }

    [Fact]
    public async Task A_token_with_less_than_five_minutes_left_is_replaced_before_use()
    {
        _channel.TokenLifetime = 240;
        var (client, _) = Client();

        await client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel);
        await client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel);

        Assert.Equal(2, _channel.TokenRequests.Count);
    }

    [Fact]
    public async Task A_refused_token_is_refreshed_once_and_the_call_retried_once_then_it_gives_up()
    {
        _channel.RefuseAllTokens = true;
        var (client, _) = Client();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel));

        Assert.Equal(401, failure.Status);
        Assert.Equal(2, _channel.Calls.Count);
        Assert.Equal(2, _channel.TokenRequests.Count);
    }

    [Fact]
    public async Task Throttling_and_gateway_errors_are_retried_honouring_retry_after()
    {
        _channel.FailNext(429, retryAfter: "1");
        _channel.FailNext(502);
        _channel.FailNext(504);
        var (client, _) = Client();

        await client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel);

        var calls = _channel.Calls.ToArray();
        Assert.Equal(4, calls.Length);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.95), "Retry-After: 1 was honoured");
    }

    [Fact]
    public async Task A_channel_that_cannot_be_reached_is_retried_then_reported_as_a_connector_failure()
    {
        var (client, trust) = Client();
        var unreachable = ClosedLoopbackUrl();
        trust.Prove(unreachable);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(unreachable, TeamsConversation, Message(), Cancel));

        Assert.Equal(0, failure.Status);
        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_endpoint_that_cannot_be_reached_is_reported_as_a_connector_failure()
    {
        var bot = new ChannelAuthOptions { AppId = "bot-id" };
        var tokens = new BotTokenProvider(_http, bot, new BotTokenOptions { Authority = ClosedLoopbackUrl(), ClientSecret = FakeConnector.ClientSecret }, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => tokens.GetAsync(null, Cancel));

        Assert.Equal(0, failure.Status);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Client_errors_are_not_retried(int status)
    {
        _channel.FailNext(status);
        var (client, _) = Client();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel));

        Assert.Equal(status, failure.Status);
        Assert.Single(_channel.Calls);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt()
    {
        _channel.FailNext(503, times: 10);
        var (client, _) = Client();

        await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel));

        Assert.Equal(4, _channel.Calls.Count);
    }

    [Theory]
    [InlineData("", "botframework.com")]
    [InlineData("3f6a4c1e-6d3b-4e0a-9b7c-1a2b3c4d5e6f", "3f6a4c1e-6d3b-4e0a-9b7c-1a2b3c4d5e6f")]
    public async Task Tokens_come_from_the_tenant_the_app_type_calls_for(string tenant, string expected)
    {
        var (client, _) = Client(tenant);

        await client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel);

        var request = Assert.Single(_channel.TokenRequests);
        Assert.Equal((expected, "client_credentials", "bot-id", "https://api.botframework.com/.default", true), (request.Tenant, request.GrantType, request.ClientId, request.Scope, request.SecretMatched));
    }

    [Fact]
    public async Task No_token_is_sent_to_a_service_url_nobody_vouched_for()
    {
        var (client, trust) = Client(trusted: false);

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel));
        trust.Prove(_channel.ServiceUrl);
        await client.SendAsync(_channel.ServiceUrl, TeamsConversation, Message(), Cancel);

        Assert.Contains("not sent there", refused.Message, StringComparison.Ordinal);
        Assert.Single(_channel.Calls);
        Assert.Single(_channel.TokenRequests);
    }

    [Fact]
    public async Task Proactive_conversations_update_and_delete_reach_their_routes()
    {
        var (client, _) = Client();

        var created = await client.CreateConversationAsync(_channel.ServiceUrl, new ConversationParameters { Members = [new ChannelAccount { Id = "29:user" }], TenantId = "tenant", Activity = Message() }, Cancel);
        await client.UpdateAsync(_channel.ServiceUrl, created.Id, Message() with { Id = "1" }, Cancel);
        await client.DeleteAsync(_channel.ServiceUrl, created.Id, "1", Cancel);

        Assert.Equal("a:new-conversation", created.Id);
        Assert.Equal(["POST /v3/conversations", "PUT /v3/conversations/a%3Anew-conversation/activities/1", "DELETE /v3/conversations/a%3Anew-conversation/activities/1"],
            _channel.Calls.Select(c => $"{c.Method} {c.Path}"));
    }

    private (ConnectorClient Client, ServiceUrlTrust Trust) Client(string tenant = "", bool trusted = true)
    {
        var bot = new ChannelAuthOptions { AppId = "bot-id", TenantId = tenant };
        var credentials = new BotTokenOptions { Authority = _channel.ServiceUrl, ClientSecret = FakeConnector.ClientSecret };
        var trust = new ServiceUrlTrust(trusted ? [_channel.ServiceUrl] : []);
        var tokens = new BotTokenProvider(_http, bot, credentials, TimeProvider.System);
        return (new ConnectorClient(_http, tokens, trust, new ConnectorRetryOptions { FirstDelay = TimeSpan.FromMilliseconds(20) }, TimeProvider.System), trust);
    }

    /// <summary>A loopback address nothing listens on: a port just given back by the system.</summary>
    private static string ClosedLoopbackUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    private Activity Inbound() => new()
    {
        Type = ActivityTypes.Message,
        Id = "1677000000000;inbound",
        ChannelId = "msteams",
        ServiceUrl = _channel.ServiceUrl,
        From = new ChannelAccount { Id = "29:user", Name = "Ana" },
        Recipient = new ChannelAccount { Id = "bot-id", Name = "Support" },
        Conversation = new ConversationAccount { Id = TeamsConversation },
        Text = "hi",
    };

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Your case is HD-000001." };
}
