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
        var sample = LatencySample.Measure(queries, i => index.Search(Queries[i % Queries.Length]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"10,000 articles: parsed in {parse.Elapsed.TotalSeconds:F2} s, indexed in {build.Elapsed.TotalSeconds:F2} s ({index.TermCount:N0} terms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries:N0} searches: p50 {sample.Microseconds(0.5) / 1000:F3} ms, p99 {sample.Microseconds(0.99) / 1000:F3} ms, max {sample.Microseconds(1) / 1000:F3} ms"));
    }
}
