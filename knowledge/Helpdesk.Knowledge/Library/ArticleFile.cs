using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Knowledge.Library;

/// <summary>One article file as read: the article when it is valid, and what is wrong with it.</summary>
public sealed record ArticleFile(string RelativePath, string FullPath, Article? Article, IReadOnlyList<ArticleProblem> Problems);
