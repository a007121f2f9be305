using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Tests.Time;

/// <summary>A fake clock that says when the code under test has made its timer, so a test moves the
/// clock only after that (a timer made later would not see the move).</summary>
public sealed class WatchedTimeProvider : FakeTimeProvider
{
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task TimerCreated => _created.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.TrySetResult();
        return timer;
    }
}
