using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Library;

namespace Helpdesk.Knowledge.Lint;

/// <summary>
/// Checks an articles folder before it ships: everything the parser rejects, plus what only shows
/// across files (duplicate ids, links and related ids that lead nowhere) and editorial rules
/// (an owner, a real body, a review date that is not overdue). Pure: files and today's date in,
/// findings out.
/// </summary>
public static class ArticleLinter
{
    public const int MinimumWords = 40;

    public static IReadOnlyList<ArticleProblem> Lint(IReadOnlyList<ArticleFile> files, IReadOnlySet<string>? knownIntents, DateOnly today)
    {
        var findings = files.SelectMany(f => f.Problems).ToList();
        var articles = files.Where(f => f.Article is not null).ToList();
        var byPath = articles.ToDictionary(f => f.RelativePath, f => f.Article!, StringComparer.Ordinal);
        var ids = articles.Select(f => f.Article!.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var group in articles.GroupBy(f => f.Article!.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            findings.AddRange(group.Skip(1).Select(f =>
                ArticleProblem.Error(f.FullPath, 1, $"duplicate id '{group.Key}', already used by {group.First().RelativePath}.")));
        }

        foreach (var file in articles)
        {
            findings.AddRange(CheckArticle(file, file.Article!, byPath, ids, knownIntents, today));
        }

        return findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
    }

    private static IEnumerable<ArticleProblem> CheckArticle(
        ArticleFile file, Article article, Dictionary<string, Article> byPath, HashSet<string> ids, IReadOnlySet<string>? knownIntents, DateOnly today)
    {
        var path = file.FullPath;
        var fileName = Path.GetFileNameWithoutExtension(file.RelativePath);
        if (article.Id != fileName)
            yield return ArticleProblem.Warning(path, 1, $"the id '{article.Id}' differs from the file name '{fileName}'.");
        if (article.Owner is null)
            yield return ArticleProblem.Error(path, 1, "no 'owner': every article needs a team or person who keeps it current.");
        if (article.Intents.Count == 0 && article.Status == ArticleStatus.Published)
            yield return ArticleProblem.Warning(path, 1, "no 'intents': the bot will only find this article by its words.");
        foreach (var intent in article.Intents.Where(i => knownIntents is not null && !knownIntents.Contains(i)))
            yield return IntentList.Unknown(path, intent);
        foreach (var related in article.Related.Where(r => !ids.Contains(r)))
            yield return ArticleProblem.Error(path, 1, $"related article '{related}' does not exist.");

        if (article.WordCount == 0)
            yield return ArticleProblem.Error(path, article.BodyLine, "the body is empty.");
        else if (article.WordCount < MinimumWords)
            yield return ArticleProblem.Error(path, article.BodyLine, $"the body is very short ({article.WordCount} words; at least {MinimumWords}).");

        if (ReviewProblem(path, article, today) is { } review) yield return review;
        foreach (var link in article.Links)
        {
            if (LinkProblem(file, article, link, byPath) is { } problem) yield return problem;
        }
    }

    private static ArticleProblem? ReviewProblem(string path, Article article, DateOnly today)
    {
        if (article.Reviewed is not { } reviewed)
            return ArticleProblem.Warning(path, 1, "no 'reviewed' date: the article has never been reviewed.");

        var age = today.DayNumber - reviewed.DayNumber;
        if (age > 2 * article.ReviewIntervalDays)
            return ArticleProblem.Error(path, 1, $"review overdue by {age - article.ReviewIntervalDays} days, more than twice the {article.ReviewIntervalDays}-day interval (last reviewed {reviewed:yyyy-MM-dd}).");
        if (age > article.ReviewIntervalDays)
            return ArticleProblem.Warning(path, 1, $"review overdue by {age - article.ReviewIntervalDays} days (last reviewed {reviewed:yyyy-MM-dd}, interval {article.ReviewIntervalDays} days).");
        return null;
    }

    private static ArticleProblem? LinkProblem(ArticleFile file, Article article, ArticleLink link, Dictionary<string, Article> byPath)
    {
        var url = link.Url.Trim();
        if (SafeLinks.HasScheme(url))
        {
            return SafeLinks.IsAllowedScheme(url)
                ? null
                : ArticleProblem.Error(file.FullPath, link.Line, $"link '{url}' uses a scheme that is not allowed (only http, https and mailto).");
        }

        var (target, anchor) = SafeLinks.SplitAnchor(url);
        var targetArticle = article;
        if (target.Length > 0)
        {
            var resolved = SafeLinks.Resolve(file.RelativePath, target);
            if (resolved is null || !byPath.TryGetValue(resolved, out targetArticle!))
            {
                return ArticleProblem.Error(file.FullPath, link.Line, $"broken link '{url}': there is no article at {resolved ?? target}.");
            }
        }

        if (anchor.Length > 0 && targetArticle.Sections.All(s => s.Anchor != anchor))
        {
            return ArticleProblem.Error(file.FullPath, link.Line, $"broken link '{url}': {targetArticle.RelativePath} has no heading with anchor '#{anchor}'.");
        }

        return null;
    }
}
