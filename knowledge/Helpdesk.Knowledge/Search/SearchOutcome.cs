namespace Helpdesk.Knowledge.Search;

/// <summary>The results of a search, or the honest statement that nothing fits.</summary>
public sealed record SearchOutcome(IReadOnlyList<SearchResult> Results)
{
    public bool NoGoodAnswer => Results.Count == 0;

    public static SearchOutcome Nothing { get; } = new([]);
}
