using System.Net;
using Helpdesk.Bot.Tests.DirectLine;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>Every agent page and API refuses callers who are not signed-in agents. The endpoints are
/// enumerated from the running host, so a new one cannot slip through unprotected.</summary>
public sealed class AgentAuthorizationTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    /// <summary>What customers and anonymous callers may reach on purpose.</summary>
    private static readonly string[] Public = ["/api/chat/session", "/agent/login"];

    [Fact]
    public async Task EveryAgentEndpoint_RefusesAnonymousCallers()
    {
        var endpoints = AgentEndpoints().ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} agent endpoints found");

        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            request.Headers.Add("X-Helpdesk-Console", "1");
            using var client = AgentClient.For(bot);
            using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);

            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} to an anonymous caller");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/agent/login", StringComparison.Ordinal),
                    $"{method} {path} answered {(int)response.StatusCode} to an anonymous caller");
            }
        }
    }

    [Fact]
    public async Task AnAgentStillOnAOneTimePassword_MayOnlyChooseANewOne()
    {
        var accounts = bot.Factory.Services.GetRequiredService<Helpdesk.Bot.Agents.AgentAccounts>();
        await accounts.SetPasswordAsync("luis", "Luis Ferreira", Helpdesk.Triage.Routing.AgentRole.Agent, "one-time-pass", oneTime: true, TestContext.Current.CancellationToken);
        using var client = AgentClient.For(bot);

        using var signedIn = await client.SignInAsync("luis", "one-time-pass");
        using var cases = await client.Http.GetAsync(new Uri("/api/cases", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("/agent/password", signedIn.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
    }

    [Fact]
    public async Task TheAgentApi_IsDocumentedWithOpenApi()
    {
        var document = await bot.Http.GetStringAsync(new Uri("/openapi/agent-api.json", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var path in new[] { "/api/cases", "/api/cases/{reference}", "/api/cases/{reference}/claim", "/api/cases/{reference}/transfer", "/api/queues", "/api/metrics" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/api/chat/session", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPassword_IsRefused_WithoutSayingWhichPartWasWrong()
    {
        using var client = AgentClient.For(bot);

        using var response = await client.SignInAsync("admin", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That agent id and password do not match.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_RefuseAgentsWhoAreNotAdmins()
    {
        var accounts = bot.Factory.Services.GetRequiredService<Helpdesk.Bot.Agents.AgentAccounts>();
        await accounts.SetPasswordAsync("camille", "Camille Laurent", Helpdesk.Triage.Routing.AgentRole.Agent, "camille-password", oneTime: false, TestContext.Current.CancellationToken);
        using var agent = AgentClient.For(bot);
        using var admin = AgentClient.For(bot);
        (await agent.SignInAsync("camille", "camille-password")).Dispose();
        (await admin.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();

        using var refused = await agent.Http.GetAsync(new Uri("/api/admin/webhooks/helpdesk/dead-letters", UriKind.Relative), TestContext.Current.CancellationToken);
        using var allowed = await admin.Http.GetAsync(new Uri("/api/admin/webhooks/helpdesk/dead-letters", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task AnAdmin_GivesARosteredAgentAOneTimePassword()
    {
        using var admin = AgentClient.For(bot);
        (await admin.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();

        using var set = await admin.PostAsync("/api/admin/agents/jonas/password", new { password = "first-password-for-jonas" });
        using var unknown = await admin.PostAsync("/api/admin/agents/nobody/password", new { password = "first-password-for-nobody" });
        using var jonas = AgentClient.For(bot);
        using var signedIn = await jonas.SignInAsync("jonas", "first-password-for-jonas");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("/agent/password", signedIn.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ConsolePosts_WithoutTheConsoleHeader_AreRefused()
    {
        using var client = AgentClient.For(bot);
        (await client.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();

        using var response = await client.Http.PostAsync(new Uri("/api/cases/HD-000001/claim", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private IEnumerable<(string Method, string Path)> AgentEndpoints()
    {
        var sources = bot.Factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!(pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/agent", StringComparison.Ordinal)) || Public.Contains(pattern)) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = pattern.Replace("{reference}", "HD-000001", StringComparison.Ordinal)
                .Replace("{destination}", "helpdesk", StringComparison.Ordinal).Replace("{eventId:long}", "1", StringComparison.Ordinal)
                .Replace("{id}", "maya", StringComparison.Ordinal);
            foreach (var method in methods) yield return (method, path);
        }
    }
}
