using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>Article suggestions by intent, as the test sets them up.</summary>
internal sealed class ScriptedArticles : IArticleSuggester
{
    private readonly Dictionary<string, List<ArticleSuggestion>> _byIntent = [];

    public ScriptedArticles For(string intent, params ArticleSuggestion[] articles)
    {
        _byIntent[intent] = [.. articles];
        return this;
    }

    public IReadOnlyList<ArticleSuggestion> Suggest(string problem, string? intent, double intentConfidence) =>
        intent is not null && _byIntent.TryGetValue(intent, out var articles) ? articles : [];
}
