namespace Helpdesk.Knowledge.Articles;

public enum Audience
{
    Customers,
    Agents,
}
