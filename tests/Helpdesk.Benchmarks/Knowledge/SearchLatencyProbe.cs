using System.Diagnostics;
using System.Globalization;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Benchmarks.Knowledge;

/// <summary>Times the whole path for 10,000 generated articles: parsing and indexing once, then
/// per-query latency percentiles over varied queries.</summary>
internal static class SearchLatencyProbe
{
    private static readonly string[] Queries =
    [
        "my camera keeps going offline after the firmware update", "I was charged twice on my card", "how do I export recordings",
        "pasword resett link not arriving", "refund for a damaged package", "api token limit exceeded", "cancel subscription",
        "two factor code not working", "thermostat schedule", "where is my order tracking", "delete my data privacy",
        "doorbell battery drains", "okta saml sign in error", "invoice for my company tax", "share access with family",
    ];

    public static void Run(int queries)
    {
        var parse = Stopwatch.StartNew();
        var articles = GeneratedArticles.Generate(10_000);
        parse.Stop();
        var build = Stopwatch.StartNew();
        var index = new ArticleIndexBuilder().Add(articles).Build();
        build.Stop();

        for (var i = 0; i < 2_000; i++) index.Search(Queries[i % Queries.Length]);
        var ticks = new long[queries];
        for (var i = 0; i < queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Search(Queries[i % Queries.Length]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        double Ms(double q) => ticks[(int)Math.Min(queries - 1, q * queries)] * 1e3 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"10,000 articles: parsed in {parse.Elapsed.TotalSeconds:F2} s, indexed in {build.Elapsed.TotalSeconds:F2} s ({index.TermCount:N0} terms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries:N0} searches: p50 {Ms(0.5):F3} ms, p99 {Ms(0.99):F3} ms, max {Ms(1):F3} ms"));
    }
}
