using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Evaluation;
using Helpdesk.Classifier.Model;

namespace Helpdesk.Classifier.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model file.", Required = true };
        var data = new Option<string>("--data") { Description = "Labeled test data (CSV or JSON Lines).", Required = true };
        var textColumn = DataOptions.TextColumn();
        var labelColumn = DataOptions.LabelColumn();
        var oosLabel = DataOptions.OutOfScopeLabel();
        var skipBadRows = DataOptions.SkipBadRows();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a readable report." };

        var command = new Command("evaluate", "Measure a model on labeled data.") { model, data, textColumn, labelColumn, oosLabel, skipBadRows, json };
        command.SetAction(parse => CommandFailure.Run(() =>
        {
            var loaded = IntentModelFile.Load(parse.GetValue(model)!);
            var examples = DataOptions.Load([parse.GetValue(data)!], parse.GetValue(textColumn)!, parse.GetValue(labelColumn)!, parse.GetValue(skipBadRows));
            var report = Evaluator.Evaluate(loaded, examples, parse.GetValue(oosLabel));
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(report, ClassifierJsonContext.Default.EvaluationReport)
                : ReportText.Format(report));
            return 0;
        }));
        return command;
    }
}

internal static class ReportText
{
    public static string Format(EvaluationReport report)
    {
        var text = new System.Text.StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(string.Create(culture, $"examples             {report.Examples}"));
        text.AppendLine(string.Create(culture, $"accuracy             {report.Accuracy:F4}"));
        text.AppendLine(string.Create(culture, $"macro-F1             {report.MacroF1:F4}"));
        text.AppendLine(string.Create(culture, $"top-3 accuracy       {report.Top3Accuracy:F4}"));
        text.AppendLine(string.Create(culture, $"calibration (ECE)    {report.ExpectedCalibrationError:F4}"));
        text.AppendLine(string.Create(culture, $"log-loss             {report.LogLoss:F4}"));
        text.AppendLine(string.Create(culture, $"threshold            {report.Threshold:F4} ({report.BelowThresholdShare:P1} of examples out of scope)"));
        if (report.OutOfScopeLabel is not null)
        {
            text.AppendLine(string.Create(culture, $"in-scope accuracy    {report.InScopeAccuracy:F4}"));
            text.AppendLine(string.Create(culture, $"out-of-scope recall  {report.OosRecall:F4}"));
            text.AppendLine(string.Create(culture, $"out-of-scope prec.   {report.OosPrecision:F4}"));
        }

        text.AppendLine();
        text.AppendLine("label                               precision  recall     F1  support");
        foreach (var (label, metrics) in report.PerLabel)
        {
            text.AppendLine(string.Create(culture, $"{label,-34} {metrics.Precision,9:F3} {metrics.Recall,7:F3} {metrics.F1,6:F3} {metrics.Support,8}"));
        }

        if (report.MostConfused.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("most confused (expected → predicted: count)");
            foreach (var pair in report.MostConfused)
            {
                text.AppendLine(string.Create(culture, $"  {pair.Expected} → {pair.Predicted}: {pair.Count}"));
            }
        }

        return text.ToString().TrimEnd();
    }
}
