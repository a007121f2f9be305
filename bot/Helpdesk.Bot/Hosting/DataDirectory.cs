namespace Helpdesk.Bot.Hosting;

/// <summary>Where the embedded default keeps what it generates (trained model, database, dev
/// secrets): <c>Helpdesk:DataDirectory</c>, by default App_Data under the content root.</summary>
internal static class DataDirectory
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Helpdesk:DataDirectory"] ?? "App_Data";
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
    }
}
