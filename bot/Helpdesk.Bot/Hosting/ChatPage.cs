namespace Helpdesk.Bot.Hosting;

/// <summary>Serves the chat page and its files from wwwroot, with a strict content security policy
/// on the page: scripts only from our own origin. Web Chat needs inline styles and blob images.</summary>
internal static class ChatPage
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseChatPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = Policy;
                    headers["Referrer-Policy"] = "same-origin";
                    headers.CacheControl = "no-cache";
                }
            },
        });
        return app;
    }
}
