using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Evaluation;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Cli.Commands;

internal static class CrossValidateCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Labeled data (CSV or JSON Lines); repeatable.", Required = true };
        var folds = new Option<int>("--folds") { Description = "Number of folds.", DefaultValueFactory = _ => 5 };
        var textColumn = DataOptions.TextColumn();
        var labelColumn = DataOptions.LabelColumn();
        var skipBadRows = DataOptions.SkipBadRows();
        var trainer = new TrainerOptionsBinding();
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };

        var command = new Command("cross-validate", "Stratified k-fold cross-validation.") { data, folds, textColumn, labelColumn, skipBadRows, json };
        trainer.AddTo(command);
        command.SetAction(parse => CommandFailure.Run(() =>
        {
            var examples = DataOptions.Load(parse.GetValue(data)!, parse.GetValue(textColumn)!, parse.GetValue(labelColumn)!, parse.GetValue(skipBadRows));
            var options = trainer.Bind(parse);
            var report = CrossValidator.Run(examples, options, parse.GetValue(folds));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, ClassifierJsonContext.Default.CrossValidationReport));
                return 0;
            }

            var culture = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(culture, $"{report.Folds}-fold cross-validation on {examples.Count:N0} utterances"));
            Console.WriteLine(string.Create(culture, $"accuracy  {report.MeanAccuracy:F4} ± {report.AccuracyStandardDeviation:F4}"));
            Console.WriteLine(string.Create(culture, $"macro-F1  {report.MeanMacroF1:F4} ± {report.MacroF1StandardDeviation:F4}"));
            if (report.MeanInScopeAccuracy is { } inScope)
            {
                Console.WriteLine(string.Create(culture, $"in-scope accuracy {inScope:F4}, out-of-scope recall {report.MeanOosRecall:F4}"));
            }

            return 0;
        }));
        return command;
    }
}
