using System.Globalization;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Helpdesk.Knowledge.Articles;

/// <summary>
/// Reads one article file: YAML front matter between two "---" lines, then markdown. Every problem
/// is reported with its line; an article with errors is not returned, so it can never be served.
/// </summary>
public static class ArticleParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <param name="relativePath">Path under the articles folder, with forward slashes.</param>
    /// <param name="displayPath">How problems name the file.</param>
    public static (Article? Article, IReadOnlyList<ArticleProblem> Problems) Parse(string relativePath, string displayPath, string content)
    {
        var problems = new List<ArticleProblem>();
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Add(ArticleProblem.Error(displayPath, 1, "missing front matter: the file must start with a '---' line."));
            return (null, problems);
        }

        var closing = Array.FindIndex(lines, 1, line => line.Trim() == "---");
        if (closing < 0)
        {
            problems.Add(ArticleProblem.Error(displayPath, 1, "the front matter is not closed by a '---' line."));
            return (null, problems);
        }

        var frontMatter = ReadFrontMatter(string.Join('\n', lines[1..closing]), displayPath, problems);
        if (frontMatter is null)
        {
            return (null, problems);
        }

        var bodyLine = closing + 2;
        var body = string.Join('\n', lines[(closing + 1)..]);
        var article = Build(frontMatter, relativePath, displayPath, body, bodyLine, problems);
        return (problems.Any(p => p.Severity == ProblemSeverity.Error) ? null : article, problems);
    }

    private static FrontMatter? ReadFrontMatter(string yaml, string displayPath, List<ArticleProblem> problems)
    {
        try
        {
            return Yaml.Deserialize<FrontMatter>(yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            // The YAML starts on the file's second line.
            var line = (int)e.Start.Line + 1;
            problems.Add(ArticleProblem.Error(displayPath, line, $"invalid front matter: {FirstLine(e.InnerException?.Message ?? e.Message)}"));
            return null;
        }
    }

    private static Article? Build(FrontMatter front, string relativePath, string displayPath, string body, int bodyLine, List<ArticleProblem> problems)
    {
        void Error(string message) => problems.Add(ArticleProblem.Error(displayPath, 1, message));

        if (string.IsNullOrWhiteSpace(front.Id)) Error("front matter has no 'id'.");
        if (string.IsNullOrWhiteSpace(front.Title)) Error("front matter has no 'title'.");
        var audience = ParseEnum(front.Audience, Audience.Customers, "audience", Error);
        var status = ParseEnum(front.Status, ArticleStatus.Published, "status", Error);
        DateOnly? reviewed = null;
        if (front.Reviewed is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) reviewed = date;
            else Error($"'reviewed' must be a date like 2026-09-14, not '{text}'.");
        }

        if (front.ReviewIntervalDays is <= 0) Error("'review_interval_days' must be a positive number of days.");
        if (string.IsNullOrWhiteSpace(front.Id) || string.IsNullOrWhiteSpace(front.Title)) return null;

        var document = MarkdownText.Parse(body);
        var sections = Sections(document, front.Title!, bodyLine);
        var summary = string.IsNullOrWhiteSpace(front.Summary) ? FirstParagraph(document) : front.Summary.Trim();
        return new Article
        {
            Id = front.Id!.Trim(),
            Title = front.Title!.Trim(),
            Summary = summary,
            Intents = Clean(front.Intents),
            Tags = Clean(front.Tags),
            Products = Clean(front.Products),
            Audience = audience,
            Owner = string.IsNullOrWhiteSpace(front.Owner) ? null : front.Owner.Trim(),
            Reviewed = reviewed,
            ReviewIntervalDays = front.ReviewIntervalDays ?? 180,
            Status = status,
            Locale = string.IsNullOrWhiteSpace(front.Locale) ? "en" : front.Locale.Trim(),
            Related = Clean(front.Related),
            RelativePath = relativePath,
            Body = body,
            BodyLine = bodyLine,
            Sections = sections,
            Links = document.Descendants<LinkInline>().Where(link => link.Url is not null)
                .Select(link => new ArticleLink(link.Url!, bodyLine + link.Line)).ToList(),
        };
    }

    private static List<ArticleSection> Sections(MarkdownDocument document, string title, int bodyLine)
    {
        var sections = new List<ArticleSection>();
        var heading = title;
        var anchor = string.Empty;
        var level = 1;
        var line = bodyLine;
        var text = new List<string>();
        foreach (var block in document)
        {
            if (block is HeadingBlock headingBlock)
            {
                sections.Add(new ArticleSection(heading, anchor, level, string.Join(' ', text), line));
                heading = MarkdownText.PlainText(headingBlock.Inline);
                anchor = Anchors.Slug(heading);
                level = headingBlock.Level;
                line = bodyLine + headingBlock.Line;
                text.Clear();
                continue;
            }

            text.Add(MarkdownText.PlainText(block));
        }

        sections.Add(new ArticleSection(heading, anchor, level, string.Join(' ', text), line));
        return sections.Where((section, index) => index > 0 || section.Text.Length > 0).ToList();
    }

    private static string FirstParagraph(MarkdownDocument document) =>
        document.Descendants<ParagraphBlock>().Select(MarkdownText.PlainText).FirstOrDefault(text => text.Length > 0) ?? string.Empty;

    private static TEnum ParseEnum<TEnum>(string? value, TEnum fallback, string key, Action<string> error) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        error($"'{key}' must be one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}, not '{value}'.");
        return fallback;
    }

    private static List<string> Clean(List<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList() ?? [];

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
