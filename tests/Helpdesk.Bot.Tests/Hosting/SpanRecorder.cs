using System.Collections.Concurrent;
using System.Diagnostics;

namespace Helpdesk.Bot.Tests.Hosting;

/// <summary>Records every finished span of one activity source in this process, as an exporter would see it.
/// Other hosts in the same test run use the same source name, so tests pick their spans by tag.</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _finished = new();
    private readonly ActivityListener _listener;

    public SpanRecorder(string sourceName)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _finished.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Finished => [.. _finished];

    public void Dispose() => _listener.Dispose();
}
