using Helpdesk.Knowledge.Articles;
using Helpdesk.Knowledge.Search;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Knowledge.Library;

/// <summary>
/// The article index the bot serves, kept in step with the articles folder. Any change to an
/// article or the synonyms file rebuilds the index in the background and swaps it in whole;
/// searches never lock and never see half an index. An article that stops parsing is reported
/// with file and line and its last good version stays served; nothing in the folder can crash it.
/// </summary>
public sealed partial class LiveKnowledgeBase : IDisposable
{
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(250);

    private readonly string _directory;
    private readonly string? _synonymsPath;
    private readonly ILogger _logger;
    private readonly Lock _reloadGate = new();
    private readonly Dictionary<string, Article> _lastGood = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _debounce;
    private ArticleIndex _current = new ArticleIndexBuilder().Build();
    private IReadOnlyList<ArticleProblem> _problems = [];

    public LiveKnowledgeBase(string articlesDirectory, string? synonymsPath, TimeProvider timeProvider, ILogger<LiveKnowledgeBase> logger)
    {
        _directory = Path.GetFullPath(articlesDirectory);
        _synonymsPath = synonymsPath is null ? null : Path.GetFullPath(synonymsPath);
        _logger = logger;
        _debounce = timeProvider.CreateTimer(_ => ReloadInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Reload();

        Watch(_directory, "*.md", includeSubdirectories: true);
        if (_synonymsPath is not null)
        {
            Watch(Path.GetDirectoryName(_synonymsPath)!, Path.GetFileName(_synonymsPath), includeSubdirectories: false);
        }
    }

    /// <summary>Raised after each rebuild with the new index.</summary>
    public event EventHandler<ArticleIndex>? Reloaded;

    public ArticleIndex Current => Volatile.Read(ref _current);

    /// <summary>What was wrong with the folder at the last rebuild.</summary>
    public IReadOnlyList<ArticleProblem> Problems => Volatile.Read(ref _problems);

    /// <summary>Rebuilds the index from the folder now.</summary>
    public void Reload()
    {
        lock (_reloadGate)
        {
            var files = Directory.Exists(_directory) ? ArticleFolder.Read(_directory) : [];
            var problems = files.SelectMany(f => f.Problems).ToList();
            var served = new List<Article>();
            foreach (var file in files)
            {
                if (file.Article is { } article)
                {
                    _lastGood[file.RelativePath] = article;
                    served.Add(article);
                }
                else if (_lastGood.TryGetValue(file.RelativePath, out var previous))
                {
                    served.Add(previous);
                    LogKeptPrevious(_logger, file.FullPath, string.Join("; ", file.Problems));
                }
                else
                {
                    LogSkipped(_logger, file.FullPath, string.Join("; ", file.Problems));
                }
            }

            // A deleted file takes its last good version with it.
            foreach (var gone in _lastGood.Keys.Except(files.Select(f => f.RelativePath)).ToList()) _lastGood.Remove(gone);

            var synonyms = LoadSynonyms(problems);
            var index = new ArticleIndexBuilder().Add(DistinctById(served, problems)).UseSynonyms(synonyms).Build();
            Volatile.Write(ref _problems, problems);
            Volatile.Write(ref _current, index);
            LogReloaded(_logger, index.Articles.Count, problems.Count);
        }

        Reloaded?.Invoke(this, Current);
    }

    // A timer callback that throws would take the process down; a failed rebuild only keeps the
    // current index.
    private void ReloadInBackground()
    {
        try
        {
            Reload();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(_logger, e.Message);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _debounce.Dispose();
    }

    private SynonymSet LoadSynonyms(List<ArticleProblem> problems)
    {
        if (_synonymsPath is null) return SynonymSet.Empty;
        try
        {
            return SynonymSet.Load(_synonymsPath);
        }
        catch (IOException e)
        {
            problems.Add(ArticleProblem.Error(_synonymsPath, 0, $"cannot read the synonyms: {e.Message}"));
            return Current.Synonyms;
        }
    }

    // Two files claiming one id would make links and feedback ambiguous; the first (by path) wins.
    private static IEnumerable<Article> DistinctById(List<Article> articles, List<ArticleProblem> problems)
    {
        foreach (var group in articles.GroupBy(a => a.Id, StringComparer.Ordinal))
        {
            yield return group.First();
            problems.AddRange(group.Skip(1).Select(duplicate => ArticleProblem.Error(duplicate.RelativePath, 1,
                $"duplicate id '{group.Key}' (also used by {group.First().RelativePath}); this file is not served.")));
        }
    }

    private void Watch(string directory, string filter, bool includeSubdirectories)
    {
        if (!Directory.Exists(directory)) return;
        var watcher = new FileSystemWatcher(directory, filter)
        {
            IncludeSubdirectories = includeSubdirectories,
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => ScheduleReload();
        watcher.Created += (_, _) => ScheduleReload();
        watcher.Deleted += (_, _) => ScheduleReload();
        watcher.Renamed += (_, _) => ScheduleReload();
        watcher.Error += (_, _) => ScheduleReload();
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void ScheduleReload() => _debounce.Change(SettleDelay, Timeout.InfiniteTimeSpan);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Knowledge base loaded: {Articles} articles served, {Problems} problems")]
    private static partial void LogReloaded(ILogger logger, int articles, int problems);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Article {Path} is invalid; its last good version stays served. {Problems}")]
    private static partial void LogKeptPrevious(ILogger logger, string path, string problems);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Knowledge base not reloaded; the current index stays served. {Problem}")]
    private static partial void LogReloadFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Article {Path} is invalid and not served. {Problems}")]
    private static partial void LogSkipped(ILogger logger, string path, string problems);
}
