using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Bot.Tests.Hosting;

/// <summary>Keeps every log entry a host writes, so a test can check what was (not) logged.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<LoggedEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
        // Nothing to release: the entries stay readable after the host has gone.
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LoggedEntry(logLevel, category, eventId.Id, formatter(state, exception), exception));
    }
}

public sealed record LoggedEntry(LogLevel Level, string Category, int EventId, string Message, Exception? Exception);
