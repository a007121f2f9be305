using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Helpdesk.EndToEnd.Tests.WebChat;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>
/// The console's dashboard on a host of its own, so every figure is known: one customer asked for a
/// person, the agent opens the dashboard from that case with its shortcut and reads the handoff with
/// its base; a claim made elsewhere reaches the open dashboard through the live feed.
/// </summary>
public sealed partial class DashboardTests(ChatHost host) : IClassFixture<ChatHost>
{
    private const float Timeout = WebChat.Timeout;

    [Fact]
    public async Task TheDashboard_ShowsTheFiguresOfWhatHappened_AndFollowsTheLiveFeed()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var customerContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString() });
        await using var agentContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        var customer = await customerContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        agent.Console += (_, message) => { if (message.Type == "error") errors.Enqueue(message.Text); };
        agent.PageError += (_, error) => errors.Enqueue(error);

        var reference = await AskForAPersonAsync(customer);
        await AgentConsole.SignInAsAdminAsync(agent);
        await agent.Locator($"[data-ref='{reference}']").ClickAsync(new() { Timeout = Timeout });
        await Expect(agent.Locator("#case-ref")).ToHaveTextAsync(reference, new() { Timeout = Timeout });

        // The shortcut opens the dashboard in place of the case.
        await agent.Keyboard.PressAsync("d");
        await Expect(agent).ToHaveURLAsync(DashboardUrl());
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(agent.GetByTestId("view-dashboard")).ToHaveAttributeAsync("aria-current", "page");

        // One conversation, handed to a person because the customer asked: every rate with its base.
        await Expect(Value(agent, "handoff")).ToHaveTextAsync("100%", new() { Timeout = Timeout });
        await Expect(Detail(agent, "handoff")).ToHaveTextAsync("1 of 1 conversation");
        await Expect(Value(agent, "self-service")).ToHaveTextAsync("0%");
        await Expect(Value(agent, "cases")).ToHaveTextAsync("1");
        await Expect(Value(agent, "backlog")).ToHaveTextAsync("1");
        var reason = agent.GetByTestId("dash-reasons").GetByRole(AriaRole.Row);
        await Expect(reason).ToHaveCountAsync(1);
        await Expect(reason.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Customer asked for a person");
        await Expect(reason.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("1 of 1 handoff");
        // Nothing to measure yet says so instead of showing 0 % or NaN.
        await Expect(Value(agent, "time-to-assignment")).ToHaveTextAsync("—");
        await Expect(Detail(agent, "reassigned")).ToHaveTextAsync("0 of 1 case");
        await Expect(Detail(agent, "satisfied")).ToHaveTextAsync("No data yet");
        // Satisfaction is split: the assistant's self-service beside the agents.
        await Expect(agent.GetByTestId("dash-csat-bot").Locator("[data-metric='bot-satisfied'] .metric__detail")).ToHaveTextAsync("No data yet");
        await Expect(Value(agent, "bot-csat")).ToHaveTextAsync("—");
        await Expect(agent.GetByTestId("dash-csat-human").Locator("[data-metric='csat'] .metric__detail")).ToHaveTextAsync("No ratings yet");
        await Expect(agent.GetByTestId("dashboard")).Not.ToContainTextAsync("NaN");

        // A claim made elsewhere reaches the open dashboard through the live feed.
        await using (var claim = await agentContext.APIRequest.PostAsync($"/api/cases/{reference}/claim", new() { Headers = new Dictionary<string, string> { ["X-Helpdesk-Console"] = "1" } }))
        {
            Assert.True(claim.Ok, $"claim answered {claim.Status}");
        }

        await Expect(Detail(agent, "time-to-assignment")).ToContainTextAsync("over 1 case", new() { Timeout = Timeout });

        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "agent-dashboard.png");
        await agent.ScreenshotAsync(new() { Path = path });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");

        // "Cases" goes back to the case that was open.
        await agent.Locator("#view-cases").ClickAsync();
        await Expect(agent.GetByTestId("dashboard")).ToBeHiddenAsync();
        await Expect(agent.Locator("#case-ref")).ToHaveTextAsync(reference, new() { Timeout = Timeout });
        await Expect(agent.Locator("#view-cases")).ToHaveAttributeAsync("aria-current", "page");
        Assert.Empty(errors);
    }

    private static ILocator Value(IPage page, string metric) => page.Locator($"[data-metric='{metric}'] .metric__value");

    private static ILocator Detail(IPage page, string metric) => page.Locator($"[data-metric='{metric}'] .metric__detail");

    [GeneratedRegex("#dashboard$")]
    private static partial Regex DashboardUrl();
}
