using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Bot.Tests.DirectLine;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>An agent's browser in miniature: a cookie jar, the sign-in form with its antiforgery
/// token, and the console's JSON calls with the console header.</summary>
internal sealed partial class AgentClient : IDisposable
{
    private AgentClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>A client of its own over real HTTP: its own cookies, and redirects left for the test to see.</summary>
    public static AgentClient For(KestrelBot bot) =>
        new(new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = bot.Http.BaseAddress });

    /// <summary>Signs in through the form; returns where the host sends the agent next.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string id, string password)
    {
        var page = await Http.GetStringAsync(new Uri("/agent/login", UriKind.Relative));
        var token = Token().Match(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(token.Groups["field"].Value)] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["id"] = id,
            ["password"] = password,
        });
        return await Http.PostAsync(new Uri("/agent/login", UriKind.Relative), form);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Add("X-Helpdesk-Console", "1");
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("""<input type="hidden" name="(?<field>[^"]+)" value="(?<value>[^"]+)">""")]
    private static partial Regex Token();
}
