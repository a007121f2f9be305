namespace Helpdesk.Bot.Tests.DirectLine;

/// <summary>The real host on Kestrel on a free loopback port, with a Direct Line client for it.</summary>
public sealed class KestrelBot : IDisposable
{
    public KestrelBot()
        : this(null)
    {
    }

    internal KestrelBot(string? dataDirectory)
    {
        Factory = new BotFactory(dataDirectory);
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
