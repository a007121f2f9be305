using System.CommandLine;
using Helpdesk.Classifier.Cli.Commands;

var root = new RootCommand("Train, evaluate and query Helpdesk.Bot intent models.")
{
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    PredictCommand.Create(),
    CrossValidateCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
