using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Helpdesk.EndToEnd.Tests.WebChat;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>
/// A customer in Web Chat and an agent in the console, two browsers on the real host: the agent
/// signs in, sees the case the chat created, claims it and replies — the reply appears in the
/// customer's chat — then resolves it, and the customer is asked for a rating.
/// </summary>
public sealed class AgentConsoleTests(ChatHost host) : IClassFixture<ChatHost>
{
    private const float Timeout = WebChat.Timeout;

    [Fact]
    public async Task AnAgent_WorksACaseFromWebChat_AndTheCustomerSeesTheReply()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var customerContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1000, Height = 900 } });
        await using var agentContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        var customer = await customerContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        agent.Console += (_, message) => { if (message.Type == "error") errors.Enqueue(message.Text); };
        agent.PageError += (_, error) => errors.Enqueue(error);

        // The customer asks for a person and answers the two quick questions.
        var reference = await AskForAPersonAsync(customer);

        // The agent signs in and finds it in the work list.
        await AgentConsole.SignInAsAdminAsync(agent);
        var item = agent.Locator($"[data-ref='{reference}']");
        await item.ClickAsync(new() { Timeout = Timeout });
        await Expect(agent.Locator("#case-ref")).ToHaveTextAsync(reference, new() { Timeout = Timeout });

        // Claim, then reply: the reply appears in the customer's chat.
        await agent.Locator("#act-claim").ClickAsync();
        await Expect(agent.Locator("#case-status")).ToContainTextAsync("ssigned", new() { Timeout = Timeout });
        await agent.Locator("#composer-text").FillAsync("Hello Ana, this is the Northbeam team. Let's get your thermostat working.");
        await agent.Locator("#composer-send").ClickAsync();
        await Expect(Message(customer, "Let's get your thermostat working")).ToBeVisibleAsync(new() { Timeout = Timeout });

        // Resolve with a disposition: the customer is asked for a rating.
        await agent.Locator("#act-resolve").ClickAsync();
        await agent.Locator("#resolve-disposition").SelectOptionAsync("answered");
        await agent.Locator("#resolve-form").GetByRole(AriaRole.Button, new() { Name = "Resolve case" }).ClickAsync();
        await Expect(Message(customer, "How would you rate")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(agent.Locator("#case-status")).ToContainTextAsync("esolved", new() { Timeout = Timeout });

        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "agent-console.png");
        await agent.ScreenshotAsync(new() { Path = path });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        Assert.Empty(errors);
    }
}
