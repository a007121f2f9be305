namespace Helpdesk.Triage.Dialog;

/// <summary>An article shown to the customer and, once they answered, whether it solved the problem.</summary>
public sealed record ArticleOffer(string Id, string Title, bool? Solved = null);
