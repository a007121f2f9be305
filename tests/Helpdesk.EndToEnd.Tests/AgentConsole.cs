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

    /// <summary>The admin gives a rostered agent a one-time password, through the admin API as the
    /// README describes; <paramref name="admin"/> must be signed in as the admin.</summary>
    public static async Task GiveFirstPasswordAsync(IPage admin, string agentId, string password)
    {
        await using var response = await admin.Context.APIRequest.PostAsync($"/api/admin/agents/{agentId}/password", new()
        {
            Headers = new Dictionary<string, string> { ["X-Helpdesk-Console"] = "1" },
            DataObject = new { password },
        });
        Assert.True(response.Ok, $"setting {agentId}'s first password answered {response.Status}");
    }

    /// <summary>A rostered agent's first sign-in: the one-time password, then a password of their own,
    /// and the console opens.</summary>
    public static async Task SignInTheFirstTimeAsync(IPage page, string agentId, string oneTimePassword, string newPassword)
    {
        await page.GotoAsync("/agent/login");
        await page.GetByLabel("Agent id").FillAsync(agentId);
        await page.GetByLabel("Password").FillAsync(oneTimePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/agent/password$"), new() { Timeout = WebChat.Timeout });
        await page.GetByLabel("One-time password").FillAsync(oneTimePassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("New password again").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/agent$"), new() { Timeout = WebChat.Timeout });
    }
}
