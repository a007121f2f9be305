namespace Helpdesk.Knowledge.Articles;

/// <summary>A link in an article body, with the 1-based line of the file it is on.</summary>
public sealed record ArticleLink(string Url, int Line);
