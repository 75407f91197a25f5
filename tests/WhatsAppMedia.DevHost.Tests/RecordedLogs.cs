using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>A logger provider that keeps every entry, so a test can wait for one (a signal, not a sleep) and read its level.</summary>
public sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _entries = new();
    private readonly object _gate = new();
    private readonly List<(Func<RecordedLog, bool> Match, TaskCompletionSource<RecordedLog> Found)> _waiters = [];

    public IReadOnlyCollection<RecordedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Completes with the first entry, past or future, that matches.</summary>
    public Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match)
    {
        lock (_gate)
        {
            if (_entries.FirstOrDefault(match) is { } past)
            {
                return Task.FromResult(past);
            }

            var found = new TaskCompletionSource<RecordedLog>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }

    public void Dispose()
    {
    }

    private void Add(RecordedLog entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(entry);
            }
        }
    }

    private sealed class Logger(RecordedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new RecordedLog(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One log entry as written.</summary>
public sealed record RecordedLog(string Category, LogLevel Level, string Message, Exception? Exception);
