using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Helpdesk.EndToEnd.Tests.WebChat;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>The host with its escalation sweep every 200 ms instead of every 30 s, so an escalation
/// reaches the console while the test watches.</summary>
public sealed class FastEscalationHost : ChatHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Console:EscalationSweep"] = "00:00:00.200",
    };
}

/// <summary>
/// Tags and escalations in the console, on a host of its own. The admin opens a customer's case,
/// tags it in the case view (a tag the server refuses shows its answer) and takes the tag off again,
/// both on the timeline; then the case is transferred three times (one more than the rules allow),
/// the sweep escalates it, and the admin — who as an admin is alerted — gets an alert naming the case
/// and why, opens the case from it and finds it marked escalated with the reason, in the work list,
/// the "Escalated" filter and its queue.
/// </summary>
public sealed class EscalationTests(FastEscalationHost host) : IClassFixture<FastEscalationHost>
{
    private const float Timeout = WebChat.Timeout;
    private const string Reason = "reassigned 3 times (more than 2)";

    [Fact]
    public async Task AnAdmin_TagsACase_AndIsAlertedWhenItIsEscalated()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var customerContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString() });
        await using var adminContext = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        var customer = await customerContext.NewPageAsync();
        var admin = await adminContext.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        admin.Console += (_, message) =>
        {
            // The browser logs every 4xx answer; the one refusing a tag that is not a tag is expected.
            if (message.Type == "error" && !(message.Text.Contains("409", StringComparison.Ordinal) && message.Location.Contains("/tags", StringComparison.Ordinal)))
                errors.Enqueue(message.Text);
        };
        admin.PageError += (_, error) => errors.Enqueue(error);

        var reference = await AskForAPersonAsync(customer);
        await AgentConsole.SignInAsAdminAsync(admin);
        var row = admin.GetByTestId("case-list").Locator($"[data-ref='{reference}']");
        await row.ClickAsync(new() { Timeout = Timeout });
        await Expect(admin.Locator("#case-ref")).ToHaveTextAsync(reference, new() { Timeout = Timeout });
        await Expect(admin.GetByTestId("case-escalated")).ToBeHiddenAsync();

        // A tag typed in the case view and added with Enter: a chip, and a timeline entry.
        var tagInput = admin.GetByTestId("tag-input");
        await tagInput.FillAsync("callback-promised");
        await tagInput.PressAsync("Enter");
        var chip = admin.GetByTestId("case-tags").Locator(".chip[data-tag='callback-promised']");
        await Expect(chip).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(chip).ToHaveTextAsync(new Regex("^callback-promised"));
        await Expect(tagInput).ToHaveValueAsync("");
        await Expect(admin.Locator("#timeline [data-kind='tagged']").Last).ToContainTextAsync("+callback-promised");
        await Expect(row.Locator(".case-row__tags")).ToHaveAttributeAsync("title", new Regex("callback-promised"), new() { Timeout = Timeout });

        // A tag the server refuses: its answer is shown beside the field, and the text stays to be fixed.
        await tagInput.FillAsync("no spaces? no!");
        await tagInput.PressAsync("Enter");
        await Expect(admin.GetByTestId("tag-error")).ToHaveTextAsync("Tags are 1–40 letters, digits or dashes.", new() { Timeout = Timeout });
        await Expect(tagInput).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tagInput).ToHaveValueAsync("no spaces? no!");
        await tagInput.FillAsync("");
        await Expect(admin.GetByTestId("tag-error")).ToBeEmptyAsync();

        // Its remove button takes it off again.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove tag callback-promised" }).ClickAsync();
        await Expect(chip).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Expect(admin.Locator("#timeline [data-kind='tagged']").Last).ToContainTextAsync("-callback-promised");

        // Three transfers, one more than the rules allow: the sweep escalates the case.
        string[] queues = ["billing", "technical", "orders"];
        foreach (var queue in queues)
        {
            await using var transfer = await adminContext.APIRequest.PostAsync($"/api/cases/{reference}/transfer", new()
            {
                Headers = new Dictionary<string, string> { ["X-Helpdesk-Console"] = "1" },
                DataObject = new { queue, reason = "Bounced for the escalation test" },
            });
            Assert.True(transfer.Ok, $"the transfer to {queue} answered {transfer.Status}");
        }

        // The admin is alerted: the case and the reason, with a button to open it.
        var alert = admin.GetByTestId("alerts").GetByRole(AriaRole.Alert).Filter(new() { HasText = reference });
        await Expect(alert).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(alert).ToContainTextAsync(Reason);
        await alert.GetByRole(AriaRole.Button, new() { Name = $"Open case {reference}" }).ClickAsync();
        await Expect(alert).ToHaveCountAsync(0);

        // The case view marks it escalated and lists the reason.
        await Expect(admin.Locator("#case-ref")).ToHaveTextAsync(reference, new() { Timeout = Timeout });
        await Expect(admin.GetByTestId("case-escalated")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(admin.GetByTestId("case-escalation")).ToContainTextAsync(Reason);
        await Expect(admin.Locator("#timeline [data-kind='escalated']").Last).ToContainTextAsync(Reason);

        // So do the work list, its "Escalated" filter and the queue the case is in now.
        await Expect(row.Locator(".esc-flag")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(admin.Locator(".queue[data-queue='orders'] .queue__escalated")).ToHaveTextAsync("1 escalated", new() { Timeout = Timeout });
        await admin.Locator("#status-filter").GetByText("Escalated", new() { Exact = true }).ClickAsync();
        await Expect(admin.Locator("#worklist-title")).ToHaveTextAsync("Escalated cases");
        await Expect(admin.GetByTestId("case-list").Locator(".case-row")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(row).ToBeVisibleAsync();

        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "agent-escalation.png");
        await admin.ScreenshotAsync(new() { Path = path });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        Assert.Empty(errors);
    }
}
