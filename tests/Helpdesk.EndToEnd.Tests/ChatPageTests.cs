using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Helpdesk.EndToEnd.Tests.WebChat;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>
/// The chat page as a customer uses it: the real host on a loopback port, the official Web Chat bundle
/// in a real browser, talking to the host's own Direct Line over its WebSocket.
/// </summary>
public sealed partial class ChatPageTests(ChatHost host) : IClassFixture<ChatHost>
{
    private const string TranscriptScrollable = ".webchat__basic-transcript__scrollable";

    private const string TranscriptAtBottom =
        "() => { const e = document.querySelector('" + TranscriptScrollable + "'); return e !== null && e.scrollTop + e.clientHeight >= e.scrollHeight - 1; }";

    private const float Timeout = WebChat.Timeout;

    [Fact]
    public async Task Page_IsServedWithWebChatFromOurOwnOrigin_UnderAStrictScriptPolicy()
    {
        using var client = host.CreateClient();

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Scripts from our origin only: no CDN, no inline script.
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy.Split(';').Select(directive => directive.Trim()));
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<script src=\"/lib/webchat.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script[^>]*\ssrc=""(https?:)?//", html);

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

        string reference;
        try
        {
            reference = await CompleteTriageAsync(page);
        }
        catch (Exception)
        {
            // What the page showed when it went wrong says more than the locator that timed out.
            await SaveScreenshotAsync(page, "webchat-failure.png");
            Report(console, pageErrors);
            throw;
        }

        // The transcript followed the conversation: the customer sees the reference without scrolling.
        await page.WaitForFunctionAsync(TranscriptAtBottom, null, new() { Timeout = Timeout });
        await Expect(Message(page, CaseReference())).ToBeInViewportAsync(new() { Timeout = Timeout });

        // Every message reached the server. Web Chat shows "Sending" until the server acknowledges a
        // message, and "Send failed. Retry." once its send timeout passes without that.
        var transcript = page.GetByRole(AriaRole.Feed);
        await Expect(transcript.GetByText(SendingStatus())).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Expect(transcript.GetByText(SendFailedStatus())).ToHaveCountAsync(0);
        // Web Chat shows its connectivity status only while it is not connected.
        await Expect(page.Locator(".webchat__connectivityStatus")).ToHaveCountAsync(0);

        await SaveScreenshotAsync(page, "webchat-happy-path.png", wholeConversation: true);

        var stored = await host.Services.GetRequiredService<ITriageStore>().FindCaseAsync(reference, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);

        // The handoff.initiate event goes to Web Chat as well, and must show nothing. A reply recorded after
        // the event reaches the page after it on the same stream, so once the reply shows, the page has had
        // the event, and shows one entry per message of the conversation, none for the event.
        await HandoffEventRecordedAsync(stored.ConversationId);
        await SendAsync(page, "Thanks!");
        await Expect(Message(page, "added that to case")).ToBeVisibleAsync(new() { Timeout = Timeout });
        var recorded = await host.Services.GetRequiredService<DirectLineServer>().ReadAsync(stored.ConversationId, null, TestContext.Current.CancellationToken);
        // Web Chat's row for each activity it renders; the rows' articles have an inner article each, for screen readers.
        var rows = transcript.Locator(".webchat__basic-transcript__activity");
        await Expect(rows).ToHaveCountAsync(recorded.Count(logged => logged.Activity.Type == ActivityTypes.Message));
        Report(console, pageErrors);

        Assert.Equal("billing_dispute", stored.Details.Intent?.Label);
        Assert.Equal("ACC-20931", stored.Details.Facts.AccountId);
        Assert.Equal(Urgency.High, stored.Details.Urgency);
        Assert.Equal(CallbackChannel.Email, stored.Details.Facts.Callback);
        Assert.Equal("ana@example.com", stored.Details.Facts.Email);

        // Web Chat logs this when a reply's replyToId names an activity it never received.
        Assert.DoesNotContain(console, message => message.Text.Contains("Timed out while waiting for activity", StringComparison.Ordinal));
        Assert.Empty(console.Where(message => message.Type == "error").Select(message => message.Text));
        Assert.Empty(pageErrors);
    }

    /// <summary>Goes through the happy path by typing and clicking, and returns the case reference the
    /// bot gave.</summary>
    private static async Task<string> CompleteTriageAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(Message(page, "Northbeam support assistant")).ToBeVisibleAsync(new() { Timeout = Timeout });

        await SendAsync(page, "I was charged twice for my subscription this month");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read the article" }).First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await ChooseAsync(page, "No, I still need help");

        await Expect(Message(page, "account ID?")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SendAsync(page, "ACC-20931");
        await ChooseAsync(page, "High");
        await ChooseAsync(page, "Email");

        await Expect(Message(page, "email address?")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SendAsync(page, "ana@example.com");
        await Expect(Message(page, "send to the team")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await ChooseAsync(page, "Send it");

        var confirmation = Message(page, CaseReference());
        await Expect(confirmation).ToBeVisibleAsync(new() { Timeout = Timeout });
        return CaseReference().Match(await confirmation.InnerTextAsync()).Value;
    }

    private async Task HandoffEventRecordedAsync(string conversationId)
    {
        var directLine = host.Services.GetRequiredService<DirectLineServer>();
        while (!(await directLine.ReadAsync(conversationId, null, TestContext.Current.CancellationToken))
            .Any(logged => logged.Activity.Type == ActivityTypes.Event && logged.Activity.Name == HandoffEventNames.Initiate))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Saves a picture of the page beside the test assembly. With <paramref name="wholeConversation"/>
    /// the window first grows until the transcript, which scrolls inside the chat panel, fits whole.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name, bool wholeConversation = false)
    {
        if (wholeConversation && page.ViewportSize is { } viewport)
        {
            var hidden = await page.Locator(TranscriptScrollable).EvaluateAsync<int>("e => e.scrollHeight - e.clientHeight");
            if (hidden > 0) await page.SetViewportSizeAsync(viewport.Width, viewport.Height + hidden);
            await page.WaitForFunctionAsync(TranscriptAtBottom, null, new() { Timeout = Timeout });
        }

        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
    }

    private static void Report(IEnumerable<IConsoleMessage> console, IEnumerable<string> pageErrors)
    {
        var output = TestContext.Current.TestOutputHelper;
        foreach (var message in console) output?.WriteLine($"console {message.Type}: {message.Text} ({message.Location})");
        foreach (var error in pageErrors) output?.WriteLine($"page error: {error}");
    }

    // Anchored, so a message that merely mentions sending is not taken for a message's status.
    [GeneratedRegex("^Sending")]
    private static partial Regex SendingStatus();

    [GeneratedRegex("^Send failed")]
    private static partial Regex SendFailedStatus();

}
