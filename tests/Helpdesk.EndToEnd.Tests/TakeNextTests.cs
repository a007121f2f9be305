using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Helpdesk.EndToEnd.Tests.WebChat;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>
/// Presence, load and "take next" in the console, on a host of its own so every count is known. A
/// customer's case waits in General support with nobody online to take it; the admin gives Luis
/// (billing and general, capacity 3) a first password; once his console is open the queue counts
/// him, he takes the next case with its shortcut and it opens assigned to him. The admin's team panel
/// follows through the live feed, and a second "take next" says that nothing is waiting.
/// </summary>
public sealed class TakeNextTests(ChatHost host) : IClassFixture<ChatHost>
{
    private const float Timeout = WebChat.Timeout;
    private const string OneTimePassword = "luis-one-time-password";
    private const string LuisPassword = "luis-own-long-password";

    [Fact]
    public async Task AnAgentWhoComesOnline_TakesTheNextCase_AndTheTeamSeesTheirLoad()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var customerContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString() });
        await using var adminContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        await using var luisContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        var customer = await customerContext.NewPageAsync();
        var admin = await adminContext.NewPageAsync();
        var luis = await luisContext.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        foreach (var page in new[] { admin, luis })
        {
            page.Console += (_, message) =>
            {
                // The browser logs every 4xx answer; the one "take next" gets when nothing waits is expected.
                if (message.Type == "error" && !(message.Text.Contains("404", StringComparison.Ordinal) && message.Location.Contains("/api/cases/next", StringComparison.Ordinal)))
                    errors.Enqueue(message.Text);
            };
            page.PageError += (_, error) => errors.Enqueue(error);
        }

        var reference = await AskForAPersonAsync(customer);

        // The case waits in General support, and nobody who serves that queue is online.
        await AgentConsole.SignInAsAdminAsync(admin);
        await Expect(admin.Locator($"[data-ref='{reference}']")).ToBeVisibleAsync(new() { Timeout = Timeout });
        var general = Queue(admin, "general");
        await Expect(general.Locator(".queue__staff")).ToHaveTextAsync("Nobody online", new() { Timeout = Timeout });
        await Expect(general).ToHaveAttributeAsync("data-staff", "unstaffed");
        await Expect(Member(admin, "luis")).ToHaveAttributeAsync("data-online", "false", new() { Timeout = Timeout });
        await Expect(admin.GetByTestId("team")).ToContainTextAsync("0 of 7 online");
        // The first admin is not on the roster, so no capacity applies to them.
        await Expect(admin.GetByTestId("my-load")).ToHaveTextAsync("No capacity limit");

        // Luis signs in for the first time; his open console makes him online, and the queue counts him.
        await AgentConsole.GiveFirstPasswordAsync(admin, "luis", OneTimePassword);
        await AgentConsole.SignInTheFirstTimeAsync(luis, "luis", OneTimePassword, LuisPassword);
        await Expect(Queue(luis, "general").Locator(".queue__staff")).ToHaveTextAsync("1 online · 3 free", new() { Timeout = Timeout });
        await Expect(luis.GetByTestId("my-load")).ToHaveTextAsync("0 of 3 open", new() { Timeout = Timeout });

        // The shortcut takes the waiting case, and it opens assigned to him.
        await luis.Keyboard.PressAsync("t");
        await Expect(luis.Locator("#case-ref")).ToHaveTextAsync(reference, new() { Timeout = Timeout });
        await Expect(luis.Locator("#case-status")).ToHaveTextAsync("Assigned", new() { Timeout = Timeout });
        await Expect(luis.Locator("#case-meta")).ToContainTextAsync("You (luis)");
        await Expect(luis.GetByTestId("my-load")).ToHaveTextAsync("1 of 3 open", new() { Timeout = Timeout });
        await Expect(Member(luis, "luis").Locator(".member__load")).ToHaveTextAsync("1 of 3", new() { Timeout = Timeout });

        // The admin's console follows through the live feed: Luis online with one open case.
        var member = Member(admin, "luis");
        await Expect(member).ToHaveAttributeAsync("data-online", "true", new() { Timeout = Timeout });
        await Expect(member.Locator(".member__load")).ToHaveTextAsync("1 of 3", new() { Timeout = Timeout });
        await Expect(member.Locator("meter")).ToHaveJSPropertyAsync("value", 1);
        await Expect(admin.GetByTestId("team")).ToContainTextAsync("1 of 7 online");
        await Expect(general.Locator(".queue__staff")).ToHaveTextAsync("1 online · 2 free", new() { Timeout = Timeout });
        await Expect(general).ToHaveAttributeAsync("data-staff", "ok");

        // Nothing else waits in his queues: the button says so, in the console's own words.
        await luis.GetByTestId("take-next").ClickAsync();
        await Expect(luis.GetByTestId("banners")).ToContainTextAsync("No case is waiting in your queues.", new() { Timeout = Timeout });
        await Expect(luis.Locator("#case-ref")).ToHaveTextAsync(reference);

        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "agent-take-next.png");
        await luis.ScreenshotAsync(new() { Path = path });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        Assert.Empty(errors);
    }

    private static ILocator Queue(IPage page, string id) => page.Locator($".queue[data-queue='{id}']");

    private static ILocator Member(IPage page, string id) => page.GetByTestId("team-list").Locator($"[data-agent='{id}']");
}
