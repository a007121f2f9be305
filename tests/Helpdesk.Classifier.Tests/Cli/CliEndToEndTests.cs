using System.Text.Json;

namespace Helpdesk.Classifier.Tests.Cli;

/// <summary>train → evaluate → predict on the shipped data, through the real command line.</summary>
public sealed class CliEndToEndTests : IClassFixture<CliEndToEndTests.TrainedModel>
{
    private static readonly CommandLineTool Cli = new("helpdesk-classifier");

    private readonly TrainedModel _trained;

    public CliEndToEndTests(TrainedModel trained) => _trained = trained;

    [Fact]
    public void Train_ShippedData_ReportsTimeAndValidationMetrics()
    {
        Assert.Equal(0, _trained.Training.ExitCode);
        Assert.Matches(@"Trained on [\d,]+ utterances, 22 labels, [\d,]+ features in [\d.]+ s", _trained.Training.Output);
        Assert.Contains("Validation (", _trained.Training.Output);
        Assert.Contains("out-of-scope threshold", _trained.Training.Output);
    }

    [Fact]
    public async Task Evaluate_HeldOutTestFile_MeetsTheQualityBar()
    {
        var result = await Cli.RunAsync("evaluate", "--model", _trained.ModelPath,
            "--data", RepositoryFiles.Path("classifier", "data", "test.csv"), "--oos-label", "out_of_scope", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(585, report.GetProperty("examples").GetInt32());
        Assert.True(report.GetProperty("macroF1").GetDouble() >= 0.90, result.Output);
        Assert.True(report.GetProperty("inScopeAccuracy").GetDouble() >= 0.90, result.Output);
        Assert.True(report.GetProperty("oosRecall").GetDouble() >= 0.70, result.Output);
        Assert.InRange(report.GetProperty("oosPrecision").GetDouble(), 0.5, 1.0);
        Assert.Equal(22, report.GetProperty("perLabel").EnumerateObject().Count());
        Assert.True(report.GetProperty("top3Accuracy").GetDouble() >= report.GetProperty("accuracy").GetDouble());
    }

    [Theory]
    [InlineData("I was charged twice for my Plus plan this month", "billing_dispute")]
    [InlineData("my account is locked after too many attempts", "account_locked")]
    [InlineData("can I speak to a real person please", "talk_to_human")]
    [InlineData("where is my order NB-1048576", "order_status")]
    public async Task Predict_TypicalRequests_NamesTheIntent(string text, string intent)
    {
        var result = await Cli.RunAsync("predict", "--model", _trained.ModelPath, "--top", "3", "--json", text);

        Assert.Equal(0, result.ExitCode);
        var prediction = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(intent, prediction.GetProperty("label").GetString());
        Assert.False(prediction.GetProperty("isOutOfScope").GetBoolean());
        Assert.Equal(3, prediction.GetProperty("alternatives").GetArrayLength());
    }

    [Fact]
    public async Task Predict_OffTopic_IsOutOfScope()
    {
        var result = await Cli.RunAsync("predict", "--model", _trained.ModelPath, "what's a good recipe for banana bread");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("out of scope", result.Output);
    }

    [Fact]
    public async Task Train_MissingColumn_FailsNamingFileAndLine()
    {
        using var directory = new TemporaryDirectory();
        var data = directory.Write("bad.csv", "utterance,intent\nhello,greeting\n");

        var result = await Cli.RunAsync("train", "--data", data, "--out", directory.Path("m.model"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{data}:1:", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Train_SkipBadRows_WarnsWithFileAndLineAndTrains()
    {
        using var directory = new TemporaryDirectory();
        var rows = Examples.Support.Select(e => $"\"{e.Text}\",{e.Label}").Append("\"no label here\",");
        var data = directory.Write("data.csv", "text,label\n" + string.Join('\n', rows) + "\n");

        var result = await Cli.RunAsync("train", "--data", data, "--skip-bad-rows", "--out", directory.Path("m.model"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{data}:34: the label is empty. (row skipped)", result.Error, StringComparison.Ordinal);
        Assert.Contains("4 labels", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruncatedModel_FailsCleanly()
    {
        using var directory = new TemporaryDirectory();
        var bytes = await File.ReadAllBytesAsync(_trained.ModelPath, TestContext.Current.CancellationToken);
        var truncated = directory.Path("truncated.model");
        await File.WriteAllBytesAsync(truncated, bytes[..1000], TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("evaluate", "--model", truncated, "--data", RepositoryFiles.Path("classifier", "data", "test.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("truncated or corrupted", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Train_JsonLinesWithNamedColumns_Works()
    {
        using var directory = new TemporaryDirectory();
        var lines = Examples.Support.Select(e => JsonSerializer.Serialize(new Dictionary<string, string> { ["utterance"] = e.Text, ["intent"] = e.Label }));
        var data = directory.Write("data.jsonl", string.Join('\n', lines));

        var result = await Cli.RunAsync("train", "--data", data, "--text-column", "utterance", "--label-column", "intent",
            "--out", directory.Path("m.model"), "--seed", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("4 labels", result.Output);
    }

    /// <summary>One training run on the shipped data, shared by the tests of this class.</summary>
    public sealed class TrainedModel : IAsyncLifetime
    {
        private readonly TemporaryDirectory _directory = new();

        public string ModelPath => _directory.Path("intent.model");

        internal CommandLineTool.Result Training { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Training = await Cli.RunAsync("train", "--data", RepositoryFiles.Path("classifier", "data", "train.csv"),
                "--out", ModelPath, "--oos-label", "out_of_scope", "--seed", "1");

        public ValueTask DisposeAsync()
        {
            _directory.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
