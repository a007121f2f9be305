using System.Text;
using Helpdesk.Knowledge.Articles;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Helpdesk.Knowledge.Rendering;

/// <summary>
/// Renders article bodies for people, safely: raw HTML is never passed through (the parser reads
/// it as text and the HTML writer escapes it), and a link survives only when it is http, https,
/// mailto or relative — anything else loses its target and keeps only its text. Relative links
/// to other articles are rewritten by <paramref name="resolveLink"/> to where the host serves them.
/// </summary>
public sealed class ArticleRenderer(Func<string, string, string> resolveLink)
{
    /// <summary>Resolves links as "/kb/{id}#{anchor}" under the given base path, with ids taken from file names.</summary>
    public static ArticleRenderer ForBasePath(string basePath) =>
        new((relativePath, anchor) =>
        {
            var id = Path.GetFileNameWithoutExtension(relativePath);
            return $"{basePath.TrimEnd('/')}/{Uri.EscapeDataString(id)}{(anchor.Length > 0 ? "#" + Uri.EscapeDataString(anchor) : "")}";
        });

    /// <summary>HTML for the agent console and article pages; headings carry their anchors as ids.</summary>
    public string ToHtml(Article article)
    {
        var document = Prepare(article);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.GetAttributes().Id = Anchors.Slug(MarkdownText.PlainText(heading.Inline));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        MarkdownText.Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The markdown subset chat clients render (Web Chat and Teams): paragraphs, bold and
    /// italic, links, lists and inline code; headings become bold lines and tables become lists.</summary>
    public string ToChatMarkdown(Article article) => ChatMarkdown.Write(Prepare(article));

    private MarkdownDocument Prepare(Article article)
    {
        var document = MarkdownText.Parse(article.Body);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.Url = SafeTarget(article, link.Url);
            if (link.Url is null || link.IsImage) Unwrap(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!SafeLinks.IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document;
    }

    private string? SafeTarget(Article article, string? url)
    {
        if (!SafeLinks.IsSafe(url)) return null;
        var trimmed = url!.Trim();
        if (SafeLinks.HasScheme(trimmed)) return trimmed;

        var (path, anchor) = SafeLinks.SplitAnchor(trimmed);
        if (path.Length == 0) return "#" + anchor;
        var resolved = SafeLinks.Resolve(article.RelativePath, path);
        return resolved is null ? null : resolveLink(resolved, anchor);
    }

    // Replaces a link or image by its text, so nothing of its target remains.
    private static void Unwrap(LinkInline link)
    {
        var text = new StringBuilder();
        foreach (var literal in link.Descendants<LiteralInline>()) text.Append(literal.Content.AsSpan());
        link.ReplaceBy(new LiteralInline(text.ToString()));
    }
}
