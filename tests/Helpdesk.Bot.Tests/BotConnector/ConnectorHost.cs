using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Tests.BotConnector;
using Microsoft.AspNetCore.Hosting;

namespace Helpdesk.Bot.Tests.BotConnector;

/// <summary>The host as Azure Bot Service sees it: its <c>/api/messages</c> trusts our own issuer on
/// loopback, and its replies go to a fake channel on loopback that checks the bot's token.</summary>
/// <param name="configure">More settings for the host, which may name the fake channel's address.</param>
public sealed class ConnectorHost(Action<IWebHostBuilder, ConnectorHost>? configure = null) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private string? _restartedOn;

    public TestIssuer Issuer { get; private set; } = null!;

    public FakeConnector Channel { get; private set; } = null!;

    public KestrelBot Bot { get; private set; } = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Channel = await FakeConnector.StartAsync();
        Bot = new KestrelBot(null, Configure);
    }

    /// <summary>Stops the bot and starts it again on the same data, trusting the same issuer and channel.</summary>
    /// <param name="more">More settings for the new host.</param>
    public void RestartBot(Action<IWebHostBuilder>? more = null)
    {
        _restartedOn = Bot.Factory.DataDirectory;
        Bot.Dispose();
        Bot = new KestrelBot(_restartedOn, builder =>
        {
            Configure(builder);
            more?.Invoke(builder);
        });
    }

    private void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("BotConnector:AppId", TestIssuer.AppId);
        builder.UseSetting("BotConnector:ChannelMetadataUrl", "http://127.0.0.1:9/never-used");
        builder.UseSetting("BotConnector:EntraMetadataUrl", "http://127.0.0.1:9/never-used");
        builder.UseSetting("BotConnector:LocalIssuers:0:Issuer", TestIssuer.Issuer);
        builder.UseSetting("BotConnector:LocalIssuers:0:MetadataUrl", Issuer.MetadataUrl);
        builder.UseSetting("BotConnector:Credentials:Authority", Channel.ServiceUrl);
        builder.UseSetting("BotConnector:Credentials:ClientSecret", FakeConnector.ClientSecret);
        builder.UseSetting("BotConnector:AllowedServiceUrls:0", "https://smba.trafficmanager.net/");
        configure?.Invoke(builder, this);
    }

    public async ValueTask DisposeAsync()
    {
        Bot.Dispose();
        await Channel.DisposeAsync();
        await Issuer.DisposeAsync();
        // A restarted host does not own the data it was started on.
        if (_restartedOn is not null) Directory.Delete(_restartedOn, recursive: true);
    }

    /// <summary>A channel token vouching for the fake channel's service URL.</summary>
    public string ValidToken() => Issuer.Token(t => t.Subject = new ClaimsIdentity([new Claim("serviceurl", Channel.ServiceUrl)]));

    public Task<HttpResponseMessage> PostAsync(Dictionary<string, object?> activity, string? token) =>
        PostRawAsync(JsonSerializer.Serialize(activity, WithoutNulls), token);

    public async Task<HttpResponseMessage> PostRawAsync(string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Bot.Http.SendAsync(request, Cancel);
    }

    /// <summary>The calls the channel received once <paramref name="until"/> holds for one of them (turns run after the 200).</summary>
    public async Task<IReadOnlyList<ConnectorCall>> CallsAsync(Func<ConnectorCall, bool> until)
    {
        while (!Channel.Calls.Any(until)) await Task.Delay(20, Cancel);
        return [.. Channel.Calls];
    }
}
