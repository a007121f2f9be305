using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Helpdesk.Knowledge.Rendering;

/// <summary>Writes a (sanitized) markdown document back out in the subset chat clients render.</summary>
internal static partial class ChatMarkdown
{
    public static string Write(MarkdownDocument document)
    {
        var output = new StringBuilder();
        foreach (var block in document) WriteBlock(output, block, indent: "");
        return output.ToString().Trim();
    }

    private static void WriteBlock(StringBuilder output, Block block, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                output.Append(indent).Append("**").Append(Inlines(heading.Inline)).Append("**\n\n");
                break;
            case ParagraphBlock paragraph:
                output.Append(indent).Append(Inlines(paragraph.Inline)).Append("\n\n");
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "- ";
                    var first = true;
                    foreach (var child in item)
                    {
                        var text = new StringBuilder();
                        WriteBlock(text, child, "");
                        var content = text.ToString().Trim();
                        if (content.Length == 0) continue;
                        output.Append(indent).Append(first ? marker : new string(' ', marker.Length))
                            .Append(content.Replace("\n\n", "\n").Replace("\n", "\n" + indent + new string(' ', marker.Length))).Append('\n');
                        first = false;
                    }
                }

                output.Append('\n');
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
                {
                    var cells = row.OfType<TableCell>().Select(cell => string.Join(' ', cell.OfType<ParagraphBlock>().Select(p => Inlines(p.Inline))));
                    output.Append(indent).Append("- ").AppendJoin(" — ", cells).Append('\n');
                }

                output.Append('\n');
                break;
            case QuoteBlock quote:
                foreach (var child in quote) WriteBlock(output, child, indent + "> ");
                break;
            case CodeBlock code:
                output.Append(indent).Append('`').Append(code.Lines.ToString().Replace('`', '\'').ReplaceLineEndings(" ").Trim()).Append("`\n\n");
                break;
            case ThematicBreakBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container) WriteBlock(output, child, indent);
                break;
        }
    }

    private static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is not null) WriteInlines(text, container);
        return text.ToString().Trim();
    }

    private static void WriteInlines(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(Escape(literal.Content.ToString()));
                    break;
                case CodeInline code:
                    text.Append('`').Append(code.Content.Replace('`', '\'')).Append('`');
                    break;
                case EmphasisInline emphasis:
                    var marker = emphasis.DelimiterCount >= 2 ? "**" : "_";
                    text.Append(marker);
                    WriteInlines(text, emphasis);
                    text.Append(marker);
                    break;
                case LinkInline { Url: { } url } link:
                    text.Append('[');
                    WriteInlines(text, link);
                    text.Append("](").Append(url.Replace(" ", "%20").Replace(")", "%29")).Append(')');
                    break;
                case AutolinkInline autolink:
                    text.Append('<').Append(autolink.Url).Append('>');
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline nested:
                    WriteInlines(text, nested);
                    break;
            }
        }
    }

    // Literal text must stay literal: escape what a markdown renderer would act on, and angle
    // brackets so no client ever sees a tag.
    private static string Escape(string text) => Special().Replace(text, @"\$0");

    [GeneratedRegex(@"[\\`*_\[\]<>|]")]
    private static partial Regex Special();
}
