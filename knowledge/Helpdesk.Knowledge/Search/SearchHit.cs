namespace Helpdesk.Knowledge.Search;

/// <summary>A search result as the CLI prints it.</summary>
public sealed record SearchHit(string Id, string Title, double Score, double Confidence, string Section, string Anchor, string Snippet, string Path);
