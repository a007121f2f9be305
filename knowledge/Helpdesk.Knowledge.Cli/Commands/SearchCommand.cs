using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var articles = KnowledgeOptions.Articles();
        var synonyms = KnowledgeOptions.Synonyms();
        var intent = new Option<string?>("--intent") { Description = "The predicted intent: its articles rank higher." };
        var top = new Option<int>("--top") { Description = "At most this many suggestions.", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var minimumConfidence = new Option<double>("--min-confidence")
        {
            Description = "Suggest only results at least this confident (0 shows weak matches too).",
            DefaultValueFactory = _ => new SearchOptions().MinimumConfidence,
        };
        var query = new Argument<string>("query") { Description = "What the customer wrote." };

        var command = new Command("search", "Suggest articles for a query.") { articles, synonyms, intent, top, json, minimumConfidence, query };
        command.SetAction(parse => KnowledgeOptions.Run(() =>
        {
            var index = KnowledgeOptions.BuildIndex(parse.GetValue(articles)!, parse.GetValue(synonyms));
            var outcome = index.Search(parse.GetValue(query), new SearchOptions
            {
                Intent = parse.GetValue(intent),
                Top = Math.Max(1, parse.GetValue(top)),
                MinimumConfidence = parse.GetValue(minimumConfidence),
            });
            var hits = outcome.Results.Select(r => new SearchHit(r.Article.Id, r.Article.Title, Math.Round(r.Score, 4), r.Confidence,
                r.Section.Heading, r.Section.Anchor, r.Snippet, r.Article.RelativePath)).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(hits, KnowledgeJsonContext.Default.ListSearchHit));
                return 0;
            }

            if (outcome.NoGoodAnswer) Console.WriteLine("No good answer: no article matches this query well enough.");
            foreach (var hit in hits)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hit.Id}  {hit.Title}  (score {hit.Score:F2}, confidence {hit.Confidence:F2})"));
                Console.WriteLine($"  § {hit.Section}{(hit.Anchor.Length > 0 ? $" (#{hit.Anchor})" : "")}: {hit.Snippet}");
            }

            return 0;
        }));
        return command;
    }
}
