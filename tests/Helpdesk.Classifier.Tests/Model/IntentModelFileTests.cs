using Helpdesk.Classifier.Model;

namespace Helpdesk.Classifier.Tests.Model;

public sealed class IntentModelFileTests
{
    private static readonly IntentModel Model = Examples.Trainer().Fit(Examples.Support);

    [Fact]
    public void SaveThenLoad_GivesIdenticalPredictions()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Path("intent.model");

        IntentModelFile.Save(Model, path);
        var loaded = IntentModelFile.Load(path);

        foreach (var text in Examples.Support.Select(e => e.Text).Append("something else entirely"))
        {
            Assert.Equal(Model.Predict(text, top: 4), loaded.Predict(text, top: 4), new PredictionComparer());
        }

        Assert.Equal(Model.Metadata, loaded.Metadata);
        Assert.Equal(Model.Threshold, loaded.Threshold);
    }

    [Fact]
    public void Load_TruncatedFile_FailsWithAClearMessage()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Path("intent.model");
        IntentModelFile.Save(Model, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<IntentModelFormatException>(() => IntentModelFile.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated or corrupted", error.Message);
    }

    [Fact]
    public void Load_FlippedByte_FailsTheChecksum()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Path("intent.model");
        IntentModelFile.Save(Model, path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<IntentModelFormatException>(() => IntentModelFile.Load(path));

        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Load_SomethingElse_SaysItIsNotAModel()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("notes.txt", "text,label\nhello,greeting\n");

        var error = Assert.Throws<IntentModelFormatException>(() => IntentModelFile.Load(path));

        Assert.Contains("not a Helpdesk intent model", error.Message);
    }

    [Fact]
    public void Load_NewerFormatVersion_AsksForARetrain()
    {
        using var stream = new MemoryStream();
        IntentModelFile.Save(Model, stream);
        var bytes = stream.ToArray();
        bytes[8] = 99; // the little-endian format version follows the 8-byte magic

        var error = Assert.Throws<IntentModelFormatException>(() => IntentModelFile.Load(new MemoryStream(bytes)));

        Assert.Contains("format version 99", error.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        var error = Assert.Throws<IntentModelFormatException>(() => IntentModelFile.Load("/nonexistent/intent.model"));

        Assert.Contains("/nonexistent/intent.model", error.Message);
    }

    private sealed class PredictionComparer : IEqualityComparer<IntentPrediction>
    {
        public bool Equals(IntentPrediction? x, IntentPrediction? y) =>
            x is not null && y is not null && x.Label == y.Label && x.Confidence == y.Confidence &&
            x.IsOutOfScope == y.IsOutOfScope && x.Alternatives.SequenceEqual(y.Alternatives);

        public int GetHashCode(IntentPrediction obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
