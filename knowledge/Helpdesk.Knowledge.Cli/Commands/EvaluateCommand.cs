using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Helpdesk.Knowledge.Evaluation;

namespace Helpdesk.Knowledge.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var articles = KnowledgeOptions.Articles();
        var synonyms = KnowledgeOptions.Synonyms();
        var queries = new Option<string>("--queries") { Description = "CSV with query, expected (ids separated by '|') and optional intent.", Required = true };
        var unanswerable = new Option<string?>("--unanswerable") { Description = "Queries no article answers, one per line: measures how often the bot says so." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };

        var command = new Command("evaluate", "Measure Recall@1, Recall@3 and MRR on a query set.") { articles, synonyms, queries, unanswerable, json };
        command.SetAction(parse => KnowledgeOptions.Run(() =>
        {
            var index = KnowledgeOptions.BuildIndex(parse.GetValue(articles)!, parse.GetValue(synonyms));
            var report = SearchEvaluator.Evaluate(index, SearchEvaluator.LoadQueries(parse.GetValue(queries)!));
            if (parse.GetValue(unanswerable) is { } path)
            {
                report = SearchEvaluator.WithUnanswerable(report, index, SearchEvaluator.LoadUnanswerable(path));
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, KnowledgeJsonContext.Default.SearchQualityReport));
                return 0;
            }

            var culture = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(culture, $"queries   {report.Queries}"));
            Console.WriteLine(string.Create(culture, $"Recall@1  {report.RecallAt1:F4}"));
            Console.WriteLine(string.Create(culture, $"Recall@3  {report.RecallAt3:F4}"));
            Console.WriteLine(string.Create(culture, $"MRR       {report.Mrr:F4}"));
            Console.WriteLine(string.Create(culture, $"suggested correctly (at most two, with cut-offs) {report.SuggestedCorrectly:F4}"));
            if (report.UnanswerableRejected is { } rejected)
            {
                Console.WriteLine(string.Create(culture, $"unanswerable queries declined {rejected:F4} of {report.UnanswerableQueries}"));
            }
            foreach (var miss in report.Missed)
            {
                Console.WriteLine($"  missed: \"{miss.Query}\" expected {string.Join('|', miss.Expected)}, got {string.Join(", ", miss.Ranked)}");
            }

            return 0;
        }));
        return command;
    }
}
