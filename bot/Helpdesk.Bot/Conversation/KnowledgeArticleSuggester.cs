using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Search;
using Helpdesk.Triage.Dialog;

namespace Helpdesk.Bot.Conversation;

/// <summary>The dialog's article suggestions from the live knowledge base: at most two confident
/// customer-facing results for the problem and its intent, or none.</summary>
internal sealed class KnowledgeArticleSuggester(LiveKnowledgeBase knowledge) : IArticleSuggester
{
    public IReadOnlyList<ArticleSuggestion> Suggest(string problem, string? intent, double intentConfidence) =>
        [.. knowledge.Current.Search(problem, new SearchOptions { Intent = intent, IntentConfidence = intentConfidence })
            .Results.Select(r => new ArticleSuggestion(r.Article.Id, r.Article.Title, r.Article.Summary))];
}
