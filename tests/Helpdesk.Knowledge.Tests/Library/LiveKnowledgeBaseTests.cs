using Helpdesk.Knowledge.Library;
using Helpdesk.Knowledge.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Knowledge.Tests.Library;

public sealed class LiveKnowledgeBaseTests
{
    [Fact]
    public async Task EditsAddsAndDeletes_AreServedWhileSearchesRunConcurrently()
    {
        using var folder = new TemporaryDirectory();
        new ArticleText { Id = "thermostat-schedule", Title = "Thermostat schedule not working" }.WriteTo(folder.FullPath);
        using var knowledge = new LiveKnowledgeBase(folder.FullPath, null, TimeProvider.System, NullLogger<LiveKnowledgeBase>.Instance);
        using var searching = new CancellationTokenSource();
        var searches = 0;
        var searcher = Task.Run(() =>
        {
            while (!searching.IsCancellationRequested)
            {
                var outcome = knowledge.Current.Search("thermostat schedule doorbell battery");
                Assert.All(outcome.Results, r => Assert.False(string.IsNullOrEmpty(r.Article.Id)));
                Interlocked.Increment(ref searches);
            }
        }, TestContext.Current.CancellationToken);

        var added = await ChangeAsync(knowledge, () =>
            new ArticleText { Id = "doorbell-battery", Title = "Doorbell battery drains fast" }.WriteTo(folder.FullPath));
        var edited = await ChangeAsync(knowledge, () =>
            new ArticleText { Id = "thermostat-schedule", Title = "Thermostat ignores its heating schedule" }.WriteTo(folder.FullPath));
        var deleted = await ChangeAsync(knowledge, () => File.Delete(Path.Combine(folder.FullPath, "doorbell-battery.md")));
        await searching.CancelAsync();
        await searcher;

        Assert.NotNull(added.Find("doorbell-battery"));
        Assert.Equal("Thermostat ignores its heating schedule", edited.Find("thermostat-schedule")!.Title);
        Assert.Null(deleted.Find("doorbell-battery"));
        Assert.True(searches > 0);
    }

    [Fact]
    public async Task BrokenEdit_KeepsServingTheLastGoodVersionAndReportsTheProblem()
    {
        using var folder = new TemporaryDirectory();
        var path = new ArticleText { Id = "camera-offline", Title = "Camera offline" }.WriteTo(folder.FullPath);
        using var knowledge = new LiveKnowledgeBase(folder.FullPath, null, TimeProvider.System, NullLogger<LiveKnowledgeBase>.Instance);

        var index = await ChangeAsync(knowledge, () => File.WriteAllText(path, "---\nid: camera-offline\ntitle: [broken\n---\n"));

        Assert.Equal("Camera offline", index.Find("camera-offline")!.Title);
        var problem = Assert.Single(knowledge.Problems);
        Assert.Equal(path, problem.File);
    }

    [Fact]
    public async Task SynonymsFileChange_IsPickedUp()
    {
        using var folder = new TemporaryDirectory();
        var articles = Path.Combine(folder.FullPath, "articles");
        var synonyms = Path.Combine(folder.FullPath, "synonyms.txt");
        File.WriteAllText(synonyms, "# none yet\n");
        new ArticleText { Id = "reset-password", Title = "Reset your password", Tags = "[password, log in]" }.WriteTo(articles);
        new ArticleText { Id = "camera-offline", Title = "Camera offline", Tags = "[camera]" }.WriteTo(articles);
        using var knowledge = new LiveKnowledgeBase(articles, synonyms, TimeProvider.System, NullLogger<LiveKnowledgeBase>.Instance);

        var index = await ChangeAsync(knowledge, () => File.WriteAllText(synonyms, "log in, sign on\n"));

        Assert.Equal(1, index.Synonyms.GroupCount);
        Assert.Equal("reset-password", index.Search("sign on").Results[0].Article.Id);
    }

    // Performs a change on disk and returns the first index built after it. The minute only guards
    // against a watcher that never fires; a reload takes a fraction of a second.
    private static async Task<ArticleIndex> ChangeAsync(LiveKnowledgeBase knowledge, Action change)
    {
        var reloaded = new TaskCompletionSource<ArticleIndex>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReloaded(object? sender, ArticleIndex index) => reloaded.TrySetResult(index);
        knowledge.Reloaded += OnReloaded;
        try
        {
            change();
            return await reloaded.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        }
        finally
        {
            knowledge.Reloaded -= OnReloaded;
        }
    }
}
