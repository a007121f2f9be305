using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Helpdesk.EndToEnd.Tests;

/// <summary>
/// The real host listening on Kestrel, so a browser outside the process can reach it: a free loopback
/// port, a data directory in a fresh temporary folder and every other setting at its default. It trains
/// the intent model from the shipped utterances and serves the shipped articles, as a fresh clone does
/// at its first start. Started once for a test class, because training takes a few seconds. A test
/// that needs another setting uses a host derived from this one that names it in <see cref="Settings"/>.
/// </summary>
public class ChatHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();

    // Port 0 lets the OS pick a free port, so runs on one machine never collide.
    public ChatHost() => UseKestrel(0);

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => ClientOptions.BaseAddress;

    public ValueTask InitializeAsync()
    {
        // Blocks until the host listens, which includes training the model on first start.
        StartServer();
        return ValueTask.CompletedTask;
    }

    /// <summary>The console's admin password here (configured, so it is not a one-time one).</summary>
    public const string AdminPassword = "an-end-to-end-admin-password";

    /// <summary>Settings this host has beyond the defaults, as configuration keys and values.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Helpdesk:DataDirectory", _data.FullPath);
        builder.UseSetting("Agents:AdminPassword", AdminPassword);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _data.Dispose();
    }
}
