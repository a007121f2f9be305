using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>
/// The chat page as a customer uses it: the real host on a loopback port, the official Web Chat bundle
/// in a real browser, talking to the host's own Direct Line over its WebSocket.
/// </summary>
public sealed partial class ChatPageTests(ChatHost host) : IClassFixture<ChatHost>
{
    // Generous, because a loaded CI machine with two cores runs the browser and the host side by side;
    // Playwright returns as soon as the condition holds, so a fast run stays fast.
    private const float Timeout = 30_000;

    [Fact]
    public async Task Page_IsServedWithWebChatFromOurOwnOrigin_UnderAStrictScriptPolicy()
    {
        using var client = host.CreateClient();

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("src=\"/lib/webchat.js\"", html, StringComparison.Ordinal);

        using var bundle = await client.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        Assert.True(bundle.Content.Headers.ContentLength > 100_000, "The Web Chat bundle is served whole.");
    }

    [Fact]
    public async Task WebChat_TriageHappyPath_OpensTheCaseInTheHost()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = host.Address.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var console = new ConcurrentQueue<IConsoleMessage>();
        var pageErrors = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue(message);
        page.PageError += (_, error) => pageErrors.Enqueue(error);

        await page.GotoAsync("/");
        await Expect(page.GetByText("Northbeam support assistant").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await File.WriteAllTextAsync("/tmp/e2e-dom.html", await page.ContentAsync(), TestContext.Current.CancellationToken);

        await SendAsync(page, "I was charged twice for my subscription this month");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read the article" }).First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await ChooseAsync(page, "No, I still need help");

        await Expect(page.GetByText("What's your account ID?")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SendAsync(page, "ACC-20931");
        await ChooseAsync(page, "High");
        await ChooseAsync(page, "Email");

        await Expect(page.GetByText("What's your email address?")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SendAsync(page, "ana@example.com");
        await Expect(page.GetByText("Here's what I'll send to the team")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await ChooseAsync(page, "Send it");

        var confirmation = page.GetByText(CaseReference()).Filter(new() { Visible = true }).Last;
        await Expect(confirmation).ToBeVisibleAsync(new() { Timeout = Timeout });
        var reference = CaseReference().Match(await confirmation.InnerTextAsync()).Value;

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "webchat-happy-path.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");

        // Every message reached the server: Web Chat marks one it could not send with "Send failed. Retry."
        await Expect(page.GetByText("Send failed")).ToHaveCountAsync(0);

        var store = host.Services.GetRequiredService<ITriageStore>();
        var stored = await store.FindCaseAsync(reference, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("billing_dispute", stored.Details.Intent?.Label);
        Assert.Equal("ACC-20931", stored.Details.Facts.AccountId);
        Assert.Equal(Urgency.High, stored.Details.Urgency);
        Assert.Equal(CallbackChannel.Email, stored.Details.Facts.Callback);
        Assert.Equal("ana@example.com", stored.Details.Facts.Email);

        foreach (var message in console) TestContext.Current.TestOutputHelper?.WriteLine($"console {message.Type}: {message.Text}");
        // Web Chat logs this when a reply's replyToId names an activity it never received.
        Assert.DoesNotContain(console, message => message.Text.Contains("Timed out while waiting for activity", StringComparison.Ordinal));
        Assert.Empty(console.Where(message => message.Type == "error").Select(message => message.Text));
        Assert.Empty(pageErrors);
    }

    /// <summary>Types into Web Chat's send box and sends with Enter, as a customer does.</summary>
    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text, new() { Timeout = Timeout });
        await input.PressAsync("Enter");
    }

    /// <summary>Clicks one of the suggested actions the bot offered with its last message.</summary>
    private static async Task ChooseAsync(IPage page, string title)
    {
        var action = page.GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        await action.ClickAsync(new() { Timeout = Timeout });
    }

    [GeneratedRegex(@"HD-\d{6}")]
    private static partial Regex CaseReference();
}
