using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>Using the official Web Chat in a page as a customer does: reading bubbles, typing, clicking suggested actions.</summary>
internal static partial class WebChat
{
    // Generous, because a loaded CI machine with two cores runs the browser and the host side by side;
    // Playwright returns as soon as the condition holds, so a fast run stays fast.
    public const float Timeout = 30_000;

    /// <summary>The bubble of one message in the transcript. Web Chat also repeats each message in text
    /// only screen readers see, so a bare text search would find it twice.</summary>
    public static ILocator Message(IPage page, string text) =>
        page.GetByRole(AriaRole.Feed).Locator(".webchat__bubble", new() { HasText = text });

    public static ILocator Message(IPage page, Regex text) =>
        page.GetByRole(AriaRole.Feed).Locator(".webchat__bubble", new() { HasTextRegex = text });

    /// <summary>Types into Web Chat's send box and sends with Enter, as a customer does.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text, new() { Timeout = Timeout });
        await input.PressAsync("Enter");
    }

    /// <summary>Clicks one of the suggested actions the bot offered with its last message.</summary>
    public static async Task ChooseAsync(IPage page, string title)
    {
        // Web Chat also lists the actions for screen readers; the toolbar holds the ones a person sees.
        var action = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" })
            .GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        await action.ClickAsync(new() { Timeout = Timeout });
    }

    /// <summary>The shortest way to a case: the customer asks for a person, gives an account and
    /// chooses live chat. Returns the case reference the bot gave.</summary>
    public static async Task<string> AskForAPersonAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(Message(page, "Northbeam support assistant")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SendAsync(page, "my thermostat is stuck, I want to talk to a person");
        await Expect(Message(page, "account ID or email")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SendAsync(page, "ACC-20931");
        await ChooseAsync(page, "Chat now");
        var confirmation = Message(page, CaseReference());
        await Expect(confirmation).ToBeVisibleAsync(new() { Timeout = Timeout });
        return CaseReference().Match(await confirmation.InnerTextAsync()).Value;
    }

    [GeneratedRegex(@"HD-\d{6}")]
    public static partial Regex CaseReference();
}
