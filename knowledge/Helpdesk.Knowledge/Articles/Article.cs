namespace Helpdesk.Knowledge.Articles;

/// <summary>A parsed knowledge article: its front matter, its body and what was extracted from it.</summary>
public sealed record Article
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The front matter's summary, or else the body's first paragraph.</summary>
    public required string Summary { get; init; }

    public IReadOnlyList<string> Intents { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Products { get; init; } = [];

    public Audience Audience { get; init; } = Audience.Customers;

    public string? Owner { get; init; }

    public DateOnly? Reviewed { get; init; }

    public int ReviewIntervalDays { get; init; } = 180;

    public ArticleStatus Status { get; init; } = ArticleStatus.Published;

    public string Locale { get; init; } = "en";

    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Path relative to the articles folder, with forward slashes (e.g. "billing/refunds.md").</summary>
    public required string RelativePath { get; init; }

    /// <summary>The markdown after the front matter.</summary>
    public required string Body { get; init; }

    /// <summary>1-based line of the file on which the body starts.</summary>
    public required int BodyLine { get; init; }

    /// <summary>The body split at its headings; the first section is the text before any heading.</summary>
    public required IReadOnlyList<ArticleSection> Sections { get; init; }

    public required IReadOnlyList<ArticleLink> Links { get; init; }

    public int WordCount => Sections.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
}
