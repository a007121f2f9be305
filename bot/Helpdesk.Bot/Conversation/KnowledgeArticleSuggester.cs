using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Search;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Telemetry;

namespace Helpdesk.Bot.Conversation;

/// <summary>The dialog's article suggestions from the live knowledge base: at most two confident
/// customer-facing results for the problem and its intent, or none.</summary>
internal sealed class KnowledgeArticleSuggester(LiveKnowledgeBase knowledge, HelpdeskTelemetry telemetry) : IArticleSuggester
{
    public IReadOnlyList<ArticleSuggestion> Suggest(string problem, string? intent, double intentConfidence)
    {
        using var span = telemetry.StartStep("helpdesk.search_articles");
        IReadOnlyList<ArticleSuggestion> found = [.. knowledge.Current.Search(problem, new SearchOptions { Intent = intent, IntentConfidence = intentConfidence })
            .Results.Select(r => new ArticleSuggestion(r.Article.Id, r.Article.Title, r.Article.Summary))];
        span?.SetTag("helpdesk.intent", intent);
        span?.SetTag("helpdesk.articles.found", found.Count);
        return found;
    }
}
