using System.Net;
using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Helpdesk.Bot.Endpoints;

internal static class ArticleEndpoints
{
    /// <summary>/kb/{id}: a published article as a page, the target of the links the bot sends.</summary>
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/kb/{id}", GetArticle);
        return endpoints;
    }

    private static Results<ContentHttpResult, NotFound> GetArticle(string id, LiveKnowledgeBase knowledge, ArticleRenderer renderer, HttpResponse response)
    {
        var article = knowledge.Current.Find(id);
        if (article is null || article.Audience != Helpdesk.Knowledge.Articles.Audience.Customers) return TypedResults.NotFound();

        // The body is rendered by the safe renderer; everything else on the page is encoded here.
        var title = WebUtility.HtmlEncode(article.Title);
        var page = $"""
            <!doctype html>
            <html lang="{WebUtility.HtmlEncode(article.Locale)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Northbeam Help</title>
            <style>body{"{"}font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2933{"}"}h1{"{"}font-size:1.8rem{"}"}a{"{"}color:#0b63c4{"}"}</style>
            </head>
            <body><main><h1>{title}</h1>
            {renderer.ToHtml(article)}
            </main></body></html>
            """;
        // Defence in depth: even if markup slipped through, the page may run no script.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https:";
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }
}
