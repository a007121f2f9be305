using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Tests.Shared;
using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage.Tests.Dialog;

public sealed class TriagePromptsTests
{
    [Fact]
    public void TheShippedFile_NamesEveryIntentOfTheShippedTaxonomy()
    {
        var prompts = TriagePrompts.Load(RepositoryFiles.Path("bot", "Helpdesk.Bot", "prompts.json"));
        var labels = File.ReadLines(RepositoryFiles.Path("classifier", "data", "train.csv")).Skip(1)
            .Select(line => line[(line.LastIndexOf(',') + 1)..].Trim()).Where(label => label != "out_of_scope").ToHashSet();

        Assert.All(labels, label => Assert.True(prompts.Intents.ContainsKey(label), $"prompts.json names no intent {label}"));
    }

    [Fact]
    public void AMissingPrompt_StopsTheLoadWithItsName()
    {
        using var directory = new TemporaryDirectory();
        var shipped = File.ReadAllText(RepositoryFiles.Path("bot", "Helpdesk.Bot", "prompts.json"));
        var path = directory.Write("prompts.json", shipped.Replace("\"greeting\":", "\"greetingTypo\":", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => TriagePrompts.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("greeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_ReplacesPlaceholders_AndNeverRescansCustomerText()
    {
        var filled = TriagePrompts.Fill("case {reference} for {name}, {unknown}", ("reference", "{via}"), ("name", "{reference}"), ("via", "x"));

        Assert.Equal("case {via} for {reference}, {unknown}", filled);
    }

    /// <summary>Teams renders bold, italic, links and (on desktop) lists in a message, and no headings,
    /// tables, images, code blocks, rules or HTML; Web Chat renders all of those it does. So a sentence
    /// the bot says keeps to what both show.</summary>
    [Fact]
    public void EveryShippedSentence_UsesOnlyTheMarkdownTeamsAndWebChatBothRender()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("bot", "Helpdesk.Bot", "prompts.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var sentences = Strings(document.RootElement).ToList();
        Regex[] unsupported =
        [
            new(@"^\s*#", RegexOptions.Multiline), // headings
            new(@"^\s*\|", RegexOptions.Multiline), // tables
            new(@"!\["), // images
            new("`"), // code, inline or fenced
            new(@"^\s*(-{3,}|\*{3,}|_{3,})\s*$", RegexOptions.Multiline), // rules
            new(@"<[a-zA-Z/][^>]*>"), // HTML
        ];

        Assert.NotEmpty(sentences);
        Assert.All(sentences, sentence => Assert.DoesNotContain(unsupported, pattern => pattern.IsMatch(sentence)));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Strings(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
