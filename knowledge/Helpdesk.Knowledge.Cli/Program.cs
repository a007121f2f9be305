using System.CommandLine;
using Helpdesk.Knowledge.Cli.Commands;

var root = new RootCommand("Lint, search and evaluate Helpdesk.Bot knowledge articles.")
{
    LintCommand.Create(),
    SearchCommand.Create(),
    EvaluateCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
