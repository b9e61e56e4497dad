using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Logging;

/// <summary>
/// A logger provider that keeps every log call, so tests can check what is (and is never) logged, and so the app
/// factories can fail a test on any error it logged (see <see cref="ErrorLogGuard"/>).
/// </summary>
public class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyList<LoggedEntry> Entries => [.. _entries];

    /// <summary>Every entry formatted as one line: level, event id, message and exception.</summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(e => $"{e.Level} {e.EventId.Id} {e.Message} {e.Exception}")];

    public IReadOnlyList<LoggedEntry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    private sealed class Collecting(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LoggedEntry(logLevel, category, eventId, formatter(state, exception), exception));
    }
}
