namespace Helpdesk.Knowledge.Articles;

/// <summary>Which link targets an article may have, and how relative ones resolve.</summary>
public static class SafeLinks
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (slash < 0 || colon < slash);
    }

    public static bool IsAllowedScheme(string url)
    {
        var scheme = url[..url.IndexOf(':', StringComparison.Ordinal)].Trim();
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True for links that may be rendered: http, https, mailto, and relative paths.
    /// Everything else (javascript:, data:, vbscript:, …) is dropped by the renderers.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        return !HasScheme(trimmed) || IsAllowedScheme(trimmed);
    }

    public static (string Path, string Anchor) SplitAnchor(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (url, string.Empty) : (url[..hash], url[(hash + 1)..]);
    }

    /// <summary>Resolves a relative link from an article's path; null when it climbs out of the folder.</summary>
    public static string? Resolve(string fromRelativePath, string target)
    {
        var parts = fromRelativePath.Split('/').SkipLast(1).ToList();
        foreach (var part in Uri.UnescapeDataString(target.Split('?')[0]).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
