namespace Helpdesk.Knowledge.Search;

/// <summary>
/// Finds index terms one edit (insert, delete, substitute, swap of neighbours) away from a query
/// term, by the symmetric-deletion method: every term is stored under itself and each of its
/// one-letter deletions, so a lookup costs a handful of dictionary probes, not a scan.
/// </summary>
internal sealed class TypoCandidates
{
    /// <summary>Shorter words have too many one-letter neighbours to guess safely ("tyre" is not "type").</summary>
    public const int MinimumLength = 5;

    private readonly Dictionary<string, List<int>> _byDeletion = new(StringComparer.Ordinal);

    public TypoCandidates(IReadOnlyList<string> terms)
    {
        for (var id = 0; id < terms.Count; id++)
        {
            var term = terms[id];
            if (term.Length < MinimumLength || term.StartsWith('~')) continue;
            Add(term, id);
            foreach (var deletion in Deletions(term)) Add(deletion, id);
        }
    }

    public IEnumerable<int> Near(string term, IReadOnlyList<string> terms)
    {
        if (term.Length < MinimumLength) yield break;
        var seen = new HashSet<int>();
        foreach (var key in Deletions(term).Prepend(term))
        {
            if (!_byDeletion.TryGetValue(key, out var ids)) continue;
            foreach (var id in ids)
            {
                if (seen.Add(id) && IsOneEditApart(term, terms[id])) yield return id;
            }
        }
    }

    private void Add(string key, int id)
    {
        if (!_byDeletion.TryGetValue(key, out var ids)) _byDeletion[key] = ids = [];
        if (ids.Count == 0 || ids[^1] != id) ids.Add(id);
    }

    private static IEnumerable<string> Deletions(string term)
    {
        for (var i = 0; i < term.Length; i++) yield return term.Remove(i, 1);
    }

    internal static bool IsOneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length == b.Length)
        {
            var first = -1;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i]) continue;
                if (first >= 0)
                {
                    // Two differences: only a swap of neighbours counts as one edit.
                    return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
                }

                first = i;
            }

            return true;
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var skip = 0;
        while (skip < shorter.Length && shorter[skip] == longer[skip]) skip++;
        return shorter.AsSpan(skip).SequenceEqual(longer.AsSpan(skip + 1));
    }
}
