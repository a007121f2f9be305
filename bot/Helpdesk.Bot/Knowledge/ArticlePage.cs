using System.Net;
using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Bot.Knowledge;

/// <summary>The HTML of an article page. The body comes from the safe renderer; everything else
/// that came from the article or the request is encoded here.</summary>
internal static class ArticlePage
{
    /// <summary>No script may run, styles are inline, and forms may only post back to this host.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https:; form-action 'self'";

    public static string Render(Article article, string bodyHtml, string antiforgeryField, string antiforgeryToken, bool voted)
    {
        var title = WebUtility.HtmlEncode(article.Title);
        var feedback = voted
            ? "<p class=\"feedback\" role=\"status\">Thanks — your answer helps us improve this article.</p>"
            : $"""
              <form class="feedback" method="post" action="/kb/{WebUtility.UrlEncode(article.Id)}/feedback">
              <input type="hidden" name="{WebUtility.HtmlEncode(antiforgeryField)}" value="{WebUtility.HtmlEncode(antiforgeryToken)}">
              <span>Did this article solve your problem?</span>
              <button name="helpful" value="yes">Yes</button> <button name="helpful" value="no">No</button>
              </form>
              """;
        return $"""
            <!doctype html>
            <html lang="{WebUtility.HtmlEncode(article.Locale)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Northbeam Help</title>
            <style>body{"{"}font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2933{"}"}h1{"{"}font-size:1.8rem{"}"}a{"{"}color:#0b63c4{"}"}.feedback{"{"}margin-top:2.5rem;padding:1rem;background:#f1f5f9;border-radius:.5rem{"}"}button{"{"}margin-left:.5rem;padding:.3rem 1rem{"}"}</style>
            </head>
            <body><main><h1>{title}</h1>
            {bodyHtml}
            {feedback}
            </main></body></html>
            """;
    }
}
