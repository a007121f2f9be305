using Microsoft.Playwright;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>
/// Launches the distribution's Chromium (Debian: apt-get install chromium) through Playwright. The
/// tests never download a browser of their own, so a machine without Chromium skips instead of failing.
/// </summary>
internal static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath)) Assert.Skip($"Needs Chromium at {ExecutablePath} (Debian: apt-get install chromium)");

        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox because CI runs as root; the rest keeps the browser from calling home, so the
            // only traffic is to the host under test.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
