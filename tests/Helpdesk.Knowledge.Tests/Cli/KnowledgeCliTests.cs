using System.Text.Json;

namespace Helpdesk.Knowledge.Tests.Cli;

public sealed class KnowledgeCliTests
{
    private static readonly CommandLineTool Cli = new("helpdesk-knowledge");

    [Fact]
    public async Task Lint_BrokenArticle_ExitsNonZeroWithFileAndLine()
    {
        using var folder = new TemporaryDirectory();
        var path = new ArticleText { Body = ArticleText.DefaultBodyWithLink("nowhere.md") }.WriteTo(folder.FullPath);

        var result = await Cli.RunAsync("lint", "--articles", folder.FullPath, "--today", "2026-11-23");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(path)}:\d+: error: broken link 'nowhere.md'", result.Output);
    }

    [Fact]
    public async Task Lint_CleanFolder_ExitsZero()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText().WriteTo(folder.FullPath);

        var result = await Cli.RunAsync("lint", "--articles", folder.FullPath, "--today", "2026-11-23");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 articles: 0 error(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Json_ListsResultsWithSnippets()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Id = "reset-password", Title = "Reset your password", Tags = "[password]" }.WriteTo(folder.FullPath);
        new ArticleText { Id = "camera-offline", Title = "Camera offline", Tags = "[camera]" }.WriteTo(folder.FullPath);

        var result = await Cli.RunAsync("search", "--articles", folder.FullPath, "--json", "forgot my password");

        Assert.Equal(0, result.ExitCode);
        var hits = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("reset-password", hits[0].GetProperty("id").GetString());
        Assert.True(hits[0].TryGetProperty("snippet", out _));
    }

    [Fact]
    public async Task Evaluate_Json_PrintsTheMeasures()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Id = "reset-password", Title = "Reset your password", Tags = "[password]" }.WriteTo(folder.FullPath);
        new ArticleText { Id = "camera-offline", Title = "Camera offline", Tags = "[camera]" }.WriteTo(folder.FullPath);
        var queries = Path.Combine(folder.FullPath, "queries.csv");
        await File.WriteAllTextAsync(queries, "query,expected\nforgot my password,reset-password\nmy cam is offline,camera-offline|reset-password\n", TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("evaluate", "--articles", folder.FullPath, "--queries", queries, "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(2, report.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, report.GetProperty("recallAt1").GetDouble());
        Assert.Equal(1.0, report.GetProperty("recallAt3").GetDouble());
        Assert.Equal(1.0, report.GetProperty("mrr").GetDouble());
    }

    [Fact]
    public async Task Evaluate_QueriesWithoutExpectedColumn_FailsNamingTheFile()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText().WriteTo(folder.FullPath);
        var queries = Path.Combine(folder.FullPath, "queries.csv");
        await File.WriteAllTextAsync(queries, "query,answer\nhello,x\n", TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("evaluate", "--articles", folder.FullPath, "--queries", queries);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{queries}:1:", result.Error, StringComparison.Ordinal);
    }
}
