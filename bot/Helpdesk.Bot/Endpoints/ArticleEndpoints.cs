using Helpdesk.Bot.Knowledge;
using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Feedback;
using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Rendering;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.Bot.Endpoints;

internal static partial class ArticleEndpoints
{
    /// <summary>/kb/{id}: a published article as a page, the target of the links the bot sends, with a
    /// "did this solve it?" vote that feeds the helpfulness prior of search.</summary>
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/kb/{id}", GetArticleAsync);
        endpoints.MapPost("/kb/{id}/feedback", PostFeedbackAsync);
        return endpoints;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetArticleAsync(
        string id, bool? voted, HttpContext context, LiveKnowledgeBase knowledge, ArticleRenderer renderer,
        IAntiforgery antiforgery, FeedbackRecorder feedback, CancellationToken cancellationToken)
    {
        if (FindCustomerArticle(knowledge, id) is not { } article) return TypedResults.NotFound();

        if (voted != true) await feedback.RecordAsync(article.Id, ArticleEventKind.Open, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.ContentSecurityPolicy = ArticlePage.ContentSecurityPolicy;
        var page = ArticlePage.Render(article, renderer.ToHtml(article), tokens.FormFieldName, tokens.RequestToken ?? "", voted == true);
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }

    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest<string>>> PostFeedbackAsync(
        string id, [FromForm] string helpful, LiveKnowledgeBase knowledge, FeedbackRecorder feedback, CancellationToken cancellationToken)
    {
        if (FindCustomerArticle(knowledge, id) is not { } article) return TypedResults.NotFound();
        var kind = helpful switch
        {
            "yes" => ArticleEventKind.Helpful,
            "no" => ArticleEventKind.NotHelpful,
            _ => (ArticleEventKind?)null,
        };
        if (kind is null) return TypedResults.BadRequest("helpful must be 'yes' or 'no'.");

        await feedback.RecordAsync(article.Id, kind.Value, cancellationToken);
        return TypedResults.Redirect($"/kb/{Uri.EscapeDataString(article.Id)}?voted=true");
    }

    private static Article? FindCustomerArticle(LiveKnowledgeBase knowledge, string id) =>
        knowledge.Current.Find(id) is { Audience: Audience.Customers } article ? article : null;
}
