using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Evaluation;

/// <summary>Measures how well the index ranks the expected articles for known queries.</summary>
public static class SearchEvaluator
{
    private const int RankDepth = 10;

    /// <summary>Reads CSV with columns query, expected (ids separated by '|') and an optional intent.</summary>
    public static IReadOnlyList<EvaluationQuery> LoadQueries(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new InvalidDataException($"{path}:1: expected a header row with 'query' and 'expected'.");
        }

        foreach (var column in new[] { "query", "expected" })
        {
            if (!csv.HeaderRecord.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{path}:1: there is no '{column}' column.");
            }
        }

        var hasIntent = csv.HeaderRecord.Contains("intent", StringComparer.OrdinalIgnoreCase);
        var queries = new List<EvaluationQuery>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var query = csv.GetField("query")?.Trim() ?? "";
            var expected = (csv.GetField("expected") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (query.Length == 0 || expected.Length == 0)
            {
                throw new InvalidDataException($"{path}:{line}: every row needs a query and at least one expected article id.");
            }

            var intent = hasIntent ? csv.GetField("intent")?.Trim() : null;
            queries.Add(new EvaluationQuery(query, expected.ToHashSet(StringComparer.Ordinal), string.IsNullOrEmpty(intent) ? null : intent, line));
        }

        return queries;
    }

    public static SearchQualityReport Evaluate(ArticleIndex index, IReadOnlyList<EvaluationQuery> queries)
    {
        int hitsAt1 = 0, hitsAt3 = 0, suggested = 0;
        double reciprocalRanks = 0;
        var missed = new List<MissedQuery>();
        foreach (var query in queries)
        {
            var ranked = index.Rank(query.Query, query.Intent, RankDepth);
            var rank = ranked.Select((id, i) => (id, i)).FirstOrDefault(p => query.Expected.Contains(p.id), (id: "", i: -1)).i + 1;
            if (rank == 1) hitsAt1++;
            if (rank is >= 1 and <= 3) hitsAt3++;
            else missed.Add(new MissedQuery(query.Query, query.Expected.Order(StringComparer.Ordinal).ToList(), ranked.Take(3).ToList()));
            if (rank >= 1) reciprocalRanks += 1.0 / rank;
            var offered = index.Search(query.Query, new SearchOptions { Intent = query.Intent });
            if (offered.Results.Any(r => query.Expected.Contains(r.Article.Id))) suggested++;
        }

        var count = Math.Max(1, queries.Count);
        return new SearchQualityReport(queries.Count, (double)hitsAt1 / count, (double)hitsAt3 / count, reciprocalRanks / count,
            (double)suggested / count, missed);
    }

    /// <summary>Adds how often the bot declines queries that no article answers (one query per line).</summary>
    public static SearchQualityReport WithUnanswerable(SearchQualityReport report, ArticleIndex index, IReadOnlyList<string> unanswerable) =>
        report with
        {
            UnanswerableQueries = unanswerable.Count,
            UnanswerableRejected = unanswerable.Count == 0 ? 0 : unanswerable.Count(q => index.Search(q).NoGoodAnswer) / (double)unanswerable.Count,
        };

    public static IReadOnlyList<string> LoadUnanswerable(string path) =>
        File.ReadLines(path).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
}
