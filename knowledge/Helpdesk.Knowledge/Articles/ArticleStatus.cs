namespace Helpdesk.Knowledge.Articles;

public enum ArticleStatus
{
    Published,
    Draft,
    Archived,
}
