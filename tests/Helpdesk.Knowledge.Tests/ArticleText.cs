namespace Helpdesk.Knowledge.Tests;

/// <summary>Builds article files for tests: sensible defaults, so each test states only what it is about.</summary>
internal sealed record ArticleText
{
    public string Id { get; init; } = "sample-article";
    public string Title { get; init; } = "A sample article";
    public string? Summary { get; init; }
    public string Intents { get; init; } = "[how_to]";
    public string Tags { get; init; } = "[sample]";
    public string? Owner { get; init; } = "support-team";
    public string Reviewed { get; init; } = "2026-10-01";
    public string Audience { get; init; } = "customers";
    public string Status { get; init; } = "published";
    public string Related { get; init; } = "[]";

    public string Body { get; init; } = """
        This article explains a sample task from start to finish so that a customer can follow along without help from anyone.

        ## Steps

        1. Open **Settings → Sample**.
        2. Choose the option you need and save your change.

        ## If that didn't work

        Sign out, sign in again and repeat the steps. If it still fails, contact support with your account ID.
        """;

    /// <summary>The default body with one more paragraph holding a link.</summary>
    public static string DefaultBodyWithLink(string target) => new ArticleText().Body + $"\n\nFor more, see also [this page]({target}).\n";

    public override string ToString() =>
        $"""
        ---
        id: {Id}
        title: {Title}
        {(Summary is null ? "" : $"summary: {Summary}")}
        intents: {Intents}
        tags: {Tags}
        {(Owner is null ? "" : $"owner: {Owner}")}
        reviewed: {Reviewed}
        audience: {Audience}
        status: {Status}
        related: {Related}
        ---
        {Body}
        """;

    public string WriteTo(string directory, string? relativePath = null)
    {
        var path = Path.Combine(directory, relativePath ?? $"{Id}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ToString());
        return path;
    }
}
