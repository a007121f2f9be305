using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Search;

namespace Helpdesk.Benchmarks.Knowledge;

/// <summary>Indexing 10,000 generated articles, and one search over them.</summary>
[MemoryDiagnoser]
public class KnowledgeBenchmarks
{
    private IReadOnlyList<Article> _articles = null!;
    private ArticleIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        _articles = GeneratedArticles.Generate(10_000);
        _index = new ArticleIndexBuilder().Add(_articles).Build();
    }

    [Benchmark]
    [IterationCount(5)]
    [WarmupCount(1)]
    public ArticleIndex Index10k() => new ArticleIndexBuilder().Add(_articles).Build();

    [Benchmark]
    public SearchOutcome Search10k() => _index.Search("my camera keeps going offline after the firmware update");

    [Benchmark]
    public SearchOutcome SearchWithTypo10k() => _index.Search("pasword resett link not arriving in my emial");
}
