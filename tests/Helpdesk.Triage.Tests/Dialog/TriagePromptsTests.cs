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
}
