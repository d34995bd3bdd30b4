using Microsoft.Extensions.Logging;

namespace McpFleet.Tests.Discovery;

/// <summary>Keeps every log entry, formatted with its exception, so tests can check what was logged and what was not.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Predicate, TaskCompletionSource<LogEntry> Waiter)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Everything logged so far, one entry a line.</summary>
    public string Text => string.Join('\n', Entries);

    /// <summary>The first entry, logged before or after this call, that matches <paramref name="predicate"/>.</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate)
    {
        lock (_gate)
        {
            if (_entries.FirstOrDefault(predicate) is { } logged)
            {
                return Task.FromResult(logged);
            }

            var waiter = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, waiter));
            return waiter.Task.WaitAsync(WatchedSets.HangGuard);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Predicate(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Waiter.SetResult(entry);
            }
        }
    }

    /// <summary>One entry; <see cref="Values"/> holds the message's named values, e.g. <c>Delay</c>.</summary>
    internal sealed record LogEntry(
        string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Values)
    {
        public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message}{(Exception is null ? "" : $" {Exception}")}";
    }

    private sealed class Logger(CapturingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            factory.Add(new LogEntry(
                category,
                logLevel,
                eventId,
                formatter(state, exception),
                exception,
                (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(value => value.Key, value => value.Value)));
    }
}
