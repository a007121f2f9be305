using System.Text;

namespace Helpdesk.Knowledge.Articles;

/// <summary>Deep-link anchors for headings, the way GitHub makes them: lower case, letters, digits,
/// hyphens and underscores kept, spaces become hyphens, everything else dropped.</summary>
public static class Anchors
{
    public static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }

        return slug.ToString();
    }
}
