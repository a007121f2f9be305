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
        var trainer = new TrainerOptionsBinding();

        var command = new Command("train", "Train a model and write it to a file.")
        {
            data, output, textColumn, labelColumn,
        };
        trainer.AddTo(command);
        command.SetAction(parse => CommandFailure.Run(() =>
        {
            var options = trainer.Bind(parse);
            return Train(parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(textColumn)!, parse.GetValue(labelColumn)!, options);
        }));
        return command;
    }

    private static int Train(string[] files, string output, string textColumn, string labelColumn, TrainerOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var examples = UtteranceFile.LoadAll(files, textColumn, labelColumn);
        var loaded = stopwatch.Elapsed;
        var model = new IntentTrainer(options).Fit(examples);
        var trained = stopwatch.Elapsed - loaded;
        IntentModelFile.Save(model, output);

        var validation = model.Metadata.Validation;
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture,
            $"Trained on {examples.Count:N0} utterances, {model.Labels.Count} labels, {model.Featurizer.FeatureCount:N0} features in {trained.TotalSeconds:F2} s (data read in {loaded.TotalSeconds:F2} s)."));
        Console.WriteLine(string.Create(culture,
            $"Validation ({model.Metadata.ValidationExamples:N0} held out, best epoch {model.Metadata.Epochs}): accuracy {validation.Accuracy:F4}, macro-F1 {validation.MacroF1:F4}, log-loss {validation.LogLoss:F4}, ECE {validation.ExpectedCalibrationError:F4}"));
        Console.WriteLine(string.Create(culture,
            $"Calibration: temperature {model.Temperature:F3}; out-of-scope threshold {model.Threshold:F4} (in-scope accuracy at threshold {validation.InScopeAccuracyAtThreshold:F4}{(validation.OutOfScopeRecall is { } recall ? $", out-of-scope recall {recall:F4}" : "")})"));
        Console.WriteLine(string.Create(culture,
            $"Model written to {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:F2} MB); total {stopwatch.Elapsed.TotalSeconds:F2} s."));
        return 0;
    }
}
