using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Helpdesk.Classifier.Model;

namespace Helpdesk.Classifier.Cli.Commands;

internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model file.", Required = true };
        var top = new Option<int>("--top") { Description = "How many labels to list.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print the prediction as JSON." };
        var text = new Argument<string>("text") { Description = "The text to classify." };

        var command = new Command("predict", "Classify one text.") { model, top, json, text };
        command.SetAction(parse => CommandFailure.Run(() =>
        {
            var loaded = IntentModelFile.Load(parse.GetValue(model)!);
            var prediction = loaded.Predict(parse.GetValue(text), Math.Max(1, parse.GetValue(top)));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(prediction, ClassifierJsonContext.Default.IntentPrediction));
                return 0;
            }

            var culture = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(culture,
                $"{prediction.Label} {prediction.Confidence:F3}{(prediction.IsOutOfScope ? $" (out of scope: threshold {loaded.Threshold:F3})" : "")}"));
            foreach (var alternative in prediction.Alternatives)
            {
                Console.WriteLine(string.Create(culture, $"  {alternative.Label,-32} {alternative.Confidence:F3}"));
            }

            return 0;
        }));
        return command;
    }
}
