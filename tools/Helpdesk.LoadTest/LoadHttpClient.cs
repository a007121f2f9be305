namespace Helpdesk.LoadTest;

/// <summary>The one HTTP client every simulated customer shares, as a browser fleet would share a network.</summary>
internal static class LoadHttpClient
{
    public static HttpClient Create(TimeSpan timeout) => new(new SocketsHttpHandler
    {
        // Each conversation in flight holds a connection while the server works on its turn; the pool
        // must never make turns queue in the client, or the tool would measure itself.
        MaxConnectionsPerServer = 1000,
        // Long runs still notice a server address that moves (DNS, a restarted proxy).
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        // Conversations are told apart by their tokens alone: a shared cookie jar would mix them up.
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = timeout,
    };
}
