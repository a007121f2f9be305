using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Tests.BotConnector;
using Helpdesk.Tests.Databases;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Storage;
using Microsoft.AspNetCore.Hosting;

namespace Helpdesk.Bot.Tests.ScaleOut;

/// <summary>Two hosts on one PostgreSQL database behind Azure Bot Service, which keeps no affinity: a
/// Bot Connector conversation's activities alternate between the hosts.</summary>
public sealed class TwoHostsConnectorTests(PostgresCluster cluster) : IAsyncDisposable
{
    private TestIssuer? _issuer;
    private FakeConnector? _channel;
    private KestrelBot? _a;
    private KestrelBot? _b;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Alternating_hosts_carry_the_conversation_on_and_file_one_case()
    {
        var (a, b) = await StartHostsAsync();
        string[] said = ["I want to talk to a person", "ACC-31101", "Chat now"];

        for (var turn = 0; turn < said.Length; turn++)
        {
            var id = "turn-" + turn;
            using var response = await PostAsync(turn % 2 == 0 ? a : b, id, said[turn]);
            response.EnsureSuccessStatusCode();
            while (!_channel!.Calls.Any(c => c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal))) await Task.Delay(20, Cancel);
        }

        var reference = _channel!.Calls.Where(c => c.Path.EndsWith("/activities/turn-2", StringComparison.Ordinal))
            .Select(c => JsonDocument.Parse(c.Body).RootElement.TryGetProperty("text", out var text) ? CaseReference.Find(text.GetString() ?? "") : null)
            .OfType<string>().Distinct().Single();
        var store = (ITriageStore)b.Factory.Services.GetService(typeof(ITriageStore))!;
        var conversation = await store.LoadAsync("abs-two-hosts", Cancel);
        Assert.Equal(said, conversation!.State.Transcript.Where(e => e.Role == "user").Select(e => e.Text));
        Assert.Equal(reference, conversation.State.CaseReference);
        var cases = await ((ICaseStore)a.Factory.Services.GetService(typeof(ICaseStore))!).ListCasesAsync(new CaseQuery(null, CaseListFilter.All, null), Cancel);
        Assert.Equal(reference, Assert.Single(cases).Reference);
        Assert.All(_channel.Calls, c => Assert.Matches("^Bearer token-[0-9]+$", c.Authorization)); // each host with a token of its own
    }

    public async ValueTask DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        if (_channel is not null) await _channel.DisposeAsync();
        if (_issuer is not null) await _issuer.DisposeAsync();
    }

    private async Task<(KestrelBot A, KestrelBot B)> StartHostsAsync()
    {
        var database = await cluster.CreateDatabaseAsync();
        _issuer = await TestIssuer.StartAsync();
        _channel = await FakeConnector.StartAsync();
        void Shared(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Helpdesk", database);
            builder.UseSetting("BotConnector:AppId", TestIssuer.AppId);
            builder.UseSetting("BotConnector:LocalIssuers:0:Issuer", TestIssuer.Issuer);
            builder.UseSetting("BotConnector:LocalIssuers:0:MetadataUrl", _issuer!.MetadataUrl);
            builder.UseSetting("BotConnector:Credentials:Authority", _channel!.ServiceUrl);
            builder.UseSetting("BotConnector:Credentials:ClientSecret", FakeConnector.ClientSecret);
        }

        _a = new KestrelBot(null, Shared);
        _b = new KestrelBot(null, Shared);
        return (_a, _b);
    }

    private async Task<HttpResponseMessage> PostAsync(KestrelBot host, string id, string text)
    {
        var activity = new Dictionary<string, object>
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "webchat",
            ["serviceUrl"] = _channel!.ServiceUrl,
            ["from"] = new { id = "user-1", name = "Ana" },
            ["recipient"] = new { id = "bot-1", name = "Support" },
            ["conversation"] = new { id = "abs-two-hosts" },
            ["text"] = text,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        var token = _issuer!.Token(t => t.Subject = new ClaimsIdentity([new Claim("serviceurl", _channel.ServiceUrl)]));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request, Cancel);
    }
}
