using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Helpdesk.Knowledge.Articles;

/// <summary>The one markdown pipeline articles are parsed with, and plain-text extraction from it.</summary>
internal static class MarkdownText
{
    /// <summary>Raw HTML is parsed as text: nothing an article says can become markup.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>The words of a block and everything inside it, separated by single spaces.</summary>
    public static string PlainText(Block block)
    {
        var text = new StringBuilder();
        Append(text, block);
        return Collapse(text.ToString());
    }

    public static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        AppendInlines(text, inline);
        return Collapse(text.ToString());
    }

    private static void Append(StringBuilder text, Block block)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                AppendInlines(text, inline);
                text.Append(' ');
                break;
            case LeafBlock leaf:
                text.Append(leaf.Lines.ToString()).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container) Append(text, child);
                break;
        }
    }

    private static void AppendInlines(StringBuilder text, ContainerInline? container)
    {
        if (container is null) return;
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(' ').Append(code.Content).Append(' ');
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
