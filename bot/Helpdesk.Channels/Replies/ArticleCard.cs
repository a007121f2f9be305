namespace Helpdesk.Channels.Replies;

/// <summary>A knowledge article offered to the customer: its title, one-line summary and where to read it.</summary>
public sealed record ArticleCard(string Id, string Title, string Summary, string Url);
