using System.CommandLine;
using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Lint;

namespace Helpdesk.Knowledge.Cli.Commands;

internal static class LintCommand
{
    public static Command Create()
    {
        var articles = KnowledgeOptions.Articles();
        var intents = new Option<string?>("--intents")
        {
            Description = "The intent labels articles may use: the classifier's training CSV or a list, one per line.",
            DefaultValueFactory = _ => Path.Combine("classifier", "data", "train.csv"),
        };
        var today = new Option<string?>("--today") { Description = "The date review deadlines are checked against (yyyy-MM-dd; default today)." };

        var command = new Command("lint", "Check articles; exits non-zero when there are errors.") { articles, intents, today };
        command.SetAction(parse => KnowledgeOptions.Run(() =>
        {
            var intentsPath = parse.GetValue(intents);
            var known = intentsPath is not null && File.Exists(intentsPath) ? IntentList.Load(intentsPath) : null;
            if (known is null) Console.Error.WriteLine($"warning: intents file '{intentsPath}' not found; intents are not checked.");
            var date = parse.GetValue(today) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            var files = ArticleFolder.Read(parse.GetValue(articles)!);
            var findings = ArticleLinter.Lint(files, known, date);
            foreach (var finding in findings) Console.WriteLine(finding);

            var errors = findings.Count(f => f.Severity == ProblemSeverity.Error);
            Console.WriteLine($"{files.Count} articles: {errors} error(s), {findings.Count - errors} warning(s).");
            return errors > 0 ? 1 : 0;
        }));
        return command;
    }
}
