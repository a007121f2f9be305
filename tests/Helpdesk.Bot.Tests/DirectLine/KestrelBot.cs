using Microsoft.AspNetCore.Hosting;

namespace Helpdesk.Bot.Tests.DirectLine;

/// <summary>The real host on Kestrel on a free loopback port, with a Direct Line client for it.</summary>
public sealed class KestrelBot : IDisposable
{
    public KestrelBot()
        : this(null)
    {
    }

    /// <param name="dataDirectory">Another host's data, to start again on it (a restart).</param>
    /// <param name="configure">Extra settings for this host.</param>
    internal KestrelBot(string? dataDirectory, Action<IWebHostBuilder>? configure = null)
    {
        Factory = new BotFactory(dataDirectory, configure);
        Factory.UseKestrel(0);
        Factory.StartServer();
        Http = Factory.CreateClient();
        Client = new DirectLineClient(Http);
    }

    public BotFactory Factory { get; }

    public HttpClient Http { get; }

    internal DirectLineClient Client { get; }

    public void Dispose()
    {
        Http.Dispose();
        Factory.Dispose();
    }
}
