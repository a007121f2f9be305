using System.Net;
using System.Text;
using Helpdesk.Channels.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.DirectLine;

/// <summary>The Direct Line 3.0 REST surface over real Kestrel on loopback: the conformance
/// checklist's server items, token scoping and bad input.</summary>
public sealed class DirectLineRestTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    private DirectLineClient Client => bot.Client;

    [Fact]
    public async Task GenerateToken_WithTheSecret_DoesNotStartTheConversation_AndScopesTheToken()
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "/tokens/generate", BotFactory.DirectLineSecret, """{"user":{"id":"dl_alice"}}""");
        var body = await DirectLineClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("expires_in").GetInt32() >= 1200);
        var conversationId = body.GetProperty("conversationId").GetString()!;
        var token = body.GetProperty("token").GetString()!;
        using var notStarted = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.NotFound, notStarted.StatusCode);

        var (otherConversation, _) = await Client.SessionAsync();
        await Client.StartAsync((await Client.SessionAsync()).Token);
        using var elsewhere = await Client.SendAsync(HttpMethod.Get, $"/conversations/{otherConversation}/activities", token);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_WithoutTheSecret_Is401()
    {
        var (_, token) = await Client.SessionAsync();

        using var withToken = await Client.SendAsync(HttpMethod.Post, "/tokens/generate", token);
        using var withNothing = await Client.SendAsync(HttpMethod.Post, "/tokens/generate", null);

        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withNothing.StatusCode);
    }

    [Fact]
    public async Task StartConversation_Is201ThenIdempotent200_WithAWebSocketStreamUrl()
    {
        var (conversationId, token) = await Client.SessionAsync();

        using var first = await Client.SendAsync(HttpMethod.Post, "/conversations", token);
        using var again = await Client.SendAsync(HttpMethod.Post, "/conversations", token);
        var started = await DirectLineClient.JsonAsync(first);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(conversationId, started.GetProperty("conversationId").GetString());
        Assert.StartsWith($"ws://{Client.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t=", started.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartConversation_GreetsOnce_AndNeverShowsTheConversationUpdate()
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);
        await Client.StartAsync(token);

        var activities = (await Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray().ToList();

        var greeting = Assert.Single(activities);
        Assert.Equal("message", greeting.GetProperty("type").GetString());
        Assert.Equal("bot", greeting.GetProperty("from").GetProperty("role").GetString());
        Assert.False(greeting.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task RefreshToken_KeepsTheConversation_AndAnExpiredTokenIs403()
    {
        var (conversationId, token) = await Client.SessionAsync();

        using var refreshed = await Client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);
        var body = await DirectLineClient.JsonAsync(refreshed);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(conversationId, body.GetProperty("conversationId").GetString());
        await Client.StartAsync(body.GetProperty("token").GetString()!);

        using var expired = await Client.SendAsync(HttpMethod.Post, "/tokens/refresh", ExpiredToken(conversationId));
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("TokenExpired", (await DirectLineClient.JsonAsync(expired)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJjb252IjoiYSIsInN1YiI6ImRsX3gifQ.")]
    [InlineData("")]
    public async Task BadCredentials_Are401(string credential)
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);

        using var response = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", credential.Length == 0 ? null : credential);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATokenCannotTouchAnotherConversation()
    {
        var (mine, myToken) = await Client.SessionAsync();
        var (theirs, theirToken) = await Client.SessionAsync();
        await Client.StartAsync(myToken);
        await Client.StartAsync(theirToken);

        using var read = await Client.SendAsync(HttpMethod.Get, $"/conversations/{theirs}/activities", myToken);
        using var post = await Client.PostMessageAsync(theirs, myToken, "hello");
        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/conversations/{theirs}", myToken);

        Assert.All([read, post, reconnect], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Single((await Client.ActivitiesAsync(theirs, theirToken)).GetProperty("activities").EnumerateArray());
        Assert.NotEqual(mine, theirs);
    }

    [Fact]
    public async Task PostActivity_ReturnsItsId_AndTheEchoKeepsChannelData()
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);

        using var posted = await Client.PostMessageAsync(conversationId, token, "please refund my order", "client-42");
        var id = (await DirectLineClient.JsonAsync(posted)).GetProperty("id").GetString();

        var activities = (await Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray().ToList();
        var echo = Assert.Single(activities, a => a.GetProperty("id").GetString() == id);
        Assert.Equal("client-42", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.StartsWith("dl_", echo.GetProperty("from").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", echo.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        var replies = activities.SkipWhile(a => a.GetProperty("id").GetString() != id).Skip(1).ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal(id, r.GetProperty("replyToId").GetString()));
        Assert.All(replies, r => Assert.Equal("bot", r.GetProperty("from").GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Watermarks_ReturnExactlyWhatCameAfter_WithIncreasingIds()
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);
        var first = await Client.ActivitiesAsync(conversationId, token);
        var watermark = first.GetProperty("watermark").GetString();

        (await Client.PostMessageAsync(conversationId, token, "please refund my order")).Dispose();
        var after = await Client.ActivitiesAsync(conversationId, token, watermark);
        var all = await Client.ActivitiesAsync(conversationId, token);

        var allIds = all.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        var afterIds = after.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Equal(allIds.Skip(first.GetProperty("activities").GetArrayLength()), afterIds);
        Assert.Equal(allIds.Order(StringComparer.Ordinal), allIds);
        Assert.Equal(allIds.Count, allIds.Distinct().Count());
        Assert.Empty((await Client.ActivitiesAsync(conversationId, token, after.GetProperty("watermark").GetString())).GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task UnknownConversation_Is404()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/conversations/no-such-conversation/activities", BotFactory.DirectLineSecret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("""{"text":"no type"}""", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task MalformedActivity_Is400_AndNothingIsStored(string body, HttpStatusCode expected)
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);

        using var response = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Single((await Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task OneMegabyteActivity_Is413_AndNothingIsStored()
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);

        using var response = await Client.PostMessageAsync(conversationId, token, new string('x', 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Single((await Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task SameClientActivityTwice_IsOneTurn()
    {
        var (conversationId, token) = await Client.SessionAsync();
        await Client.StartAsync(token);

        using var first = await Client.PostMessageAsync(conversationId, token, "please refund my order", "resent-1");
        using var second = await Client.PostMessageAsync(conversationId, token, "please refund my order", "resent-1");

        Assert.Equal((await DirectLineClient.JsonAsync(first)).GetProperty("id").GetString(), (await DirectLineClient.JsonAsync(second)).GetProperty("id").GetString());
        var activities = (await Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray().ToList();
        Assert.Single(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "user");
    }

    [Fact]
    public async Task ThePageNeverSeesTheSecret()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var session = await bot.Http.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null, cancellation);
        var page = await bot.Http.GetStringAsync(new Uri("/", UriKind.Relative), cancellation);
        var script = await bot.Http.GetStringAsync(new Uri("/js/chat.js", UriKind.Relative), cancellation);

        Assert.DoesNotContain(BotFactory.DirectLineSecret, await session.Content.ReadAsStringAsync(cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain(BotFactory.DirectLineSecret, page + script, StringComparison.Ordinal);
        var payload = (await DirectLineClient.JsonAsync(session)).GetProperty("token").GetString()!.Split('.')[1];
        Assert.DoesNotContain(BotFactory.DirectLineSecret, Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=').Replace('-', '+').Replace('_', '/'))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLine_AcceptsCallsFromAnyOrigin_ButOnlyOurPageMayStartAChat()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directLine = new HttpRequestMessage(HttpMethod.Options, new Uri("/v3/directline/conversations", UriKind.Relative));
        directLine.Headers.Add("Origin", "https://shop.example.com");
        directLine.Headers.Add("Access-Control-Request-Method", "POST");
        directLine.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var session = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/chat/session", UriKind.Relative));
        session.Headers.Add("Origin", "https://elsewhere.example.com");
        session.Headers.Add("Access-Control-Request-Method", "POST");

        using var directLineAnswer = await bot.Http.SendAsync(directLine, cancellation);
        using var sessionAnswer = await bot.Http.SendAsync(session, cancellation);

        Assert.Equal("*", directLineAnswer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", string.Join(",", directLineAnswer.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(sessionAnswer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string ExpiredToken(string conversationId)
    {
        var longAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        return new DirectLineTokens(new DirectLineOptions { Secret = BotFactory.DirectLineSecret }, longAgo).Issue(conversationId, "dl_someone").Token;
    }
}
