using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Training data: CSV with a header row, or JSON Lines. Repeat for several files.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", Required = true };
        var textColumn = DataOptions.TextColumn();
        var labelColumn = DataOptions.LabelColumn();
        var skipBadRows = DataOptions.SkipBadRows();
        var trainer = new TrainerOptionsBinding();

        var command = new Command("train", "Train a model and write it to a file.")
        {
            data, output, textColumn, labelColumn, skipBadRows,
        };
        trainer.AddTo(command);
        command.SetAction(parse => CommandFailure.Run(() =>
        {
            var options = trainer.Bind(parse);
            var examples = DataOptions.Load(parse.GetValue(data)!, parse.GetValue(textColumn)!, parse.GetValue(labelColumn)!, parse.GetValue(skipBadRows));
            return Train(examples, parse.GetValue(output)!, options);
        }));
        return command;
    }

    private static int Train(IReadOnlyList<LabeledUtterance> examples, string output, TrainerOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var model = new IntentTrainer(options).Fit(examples);
        var trained = stopwatch.Elapsed;
        IntentModelFile.Save(model, output);

        var validation = model.Metadata.Validation;
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture,
            $"Trained on {examples.Count:N0} utterances, {model.Labels.Count} labels, {model.Featurizer.FeatureCount:N0} features in {trained.TotalSeconds:F2} s."));
        Console.WriteLine(string.Create(culture,
            $"Validation ({model.Metadata.ValidationExamples:N0} held out, best epoch {model.Metadata.Epochs}): accuracy {validation.Accuracy:F4}, macro-F1 {validation.MacroF1:F4}, log-loss {validation.LogLoss:F4}, ECE {validation.ExpectedCalibrationError:F4}"));
        Console.WriteLine(string.Create(culture,
            $"Calibration: temperature {model.Temperature:F3}; out-of-scope threshold {model.Threshold:F4} (in-scope accuracy at threshold {validation.InScopeAccuracyAtThreshold:F4}{(validation.OutOfScopeRecall is { } recall ? $", out-of-scope recall {recall:F4}" : "")})"));
        Console.WriteLine(string.Create(culture,
            $"Model written to {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:F2} MB)."));
        return 0;
    }
}
