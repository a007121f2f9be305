using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>Using the agent console as an agent does.</summary>
internal static class AgentConsole
{
    /// <summary>Opens the console, is sent to the sign-in page and signs in as the host's admin.</summary>
    public static async Task SignInAsAdminAsync(IPage page)
    {
        await page.GotoAsync("/agent");
        await Expect(page).ToHaveURLAsync(new Regex("/agent/login"), new() { Timeout = WebChat.Timeout });
        await page.GetByLabel("Agent id").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(ChatHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
