using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Serving;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Tests.Serving;

public sealed class ModelProvisionerTests
{
    private static readonly ModelProvisioner Provisioner = new(Examples.FrozenClock());

    [Fact]
    public void Provision_NoCachedModel_TrainsAndWritesIt()
    {
        using var directory = new TemporaryDirectory();
        var source = Source(directory);

        var result = Provisioner.Provision(source, TestContext.Current.CancellationToken);

        Assert.True(result.Trained);
        Assert.Equal("no trained model yet", result.Reason);
        Assert.True(File.Exists(source.ModelPath));
    }

    [Fact]
    public void Provision_CachedModelForTheSameData_LoadsIt()
    {
        using var directory = new TemporaryDirectory();
        var source = Source(directory);
        Provisioner.Provision(source, TestContext.Current.CancellationToken);

        var result = Provisioner.Provision(source, TestContext.Current.CancellationToken);

        Assert.False(result.Trained);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Provision_DataChanged_Retrains()
    {
        using var directory = new TemporaryDirectory();
        var source = Source(directory);
        Provisioner.Provision(source, TestContext.Current.CancellationToken);
        File.AppendAllText(source.TrainingData[0], "\"where is my refund, it has been weeks\",refund\n");

        var result = Provisioner.Provision(source, TestContext.Current.CancellationToken);

        Assert.True(result.Trained);
        Assert.Contains("training data changed", result.Reason);
    }

    [Fact]
    public void Provision_CorruptCachedModel_Retrains()
    {
        using var directory = new TemporaryDirectory();
        var source = Source(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(source.ModelPath)!);
        File.WriteAllBytes(source.ModelPath, "HDINTENT"u8.ToArray());

        var result = Provisioner.Provision(source, TestContext.Current.CancellationToken);

        Assert.True(result.Trained);
        Assert.Contains("truncated", result.Reason);
        Assert.NotNull(IntentModelFile.Load(source.ModelPath));
    }

    [Fact]
    public void Provision_NoDataAndNoModel_FailsNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        var source = new ModelSource { ModelPath = directory.Path("missing.model") };

        var error = Assert.Throws<IntentModelFormatException>(() => Provisioner.Provision(source, TestContext.Current.CancellationToken));

        Assert.Contains("missing.model", error.Message);
    }

    private static ModelSource Source(TemporaryDirectory directory)
    {
        var csv = "text,label\n" + string.Join('\n', Examples.Support.Select(e => $"\"{e.Text}\",{e.Label}")) + "\n";
        return new ModelSource
        {
            ModelPath = directory.Path("cache/intent.model"),
            TrainingData = [directory.Write("train.csv", csv)],
            Trainer = new TrainerOptions { ValidationFraction = 0.25 },
        };
    }
}
