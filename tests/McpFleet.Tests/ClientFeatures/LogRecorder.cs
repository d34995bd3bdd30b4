using Microsoft.Extensions.Logging;

namespace McpFleet.Tests.ClientFeatures;

/// <summary>Records every log entry with its category and level, and lets a test wait for one.</summary>
internal sealed class LogRecorder : ILoggerProvider, ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<(Func<Entry, bool> Match, TaskCompletionSource<Entry> Found)> _waiters = [];

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The entries of one server's log messages.</summary>
    public IReadOnlyList<Entry> OfServer(string server) => [.. Entries.Where(entry => entry.Category == "McpFleet.Servers." + server)];

    /// <summary>Waits for an entry (one already there counts); the bound only guards against a hang.</summary>
    public Task<Entry> WaitForAsync(Func<Entry, bool> match, string what)
    {
        var found = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_entries.FirstOrDefault(match) is { } entry)
            {
                return Task.FromResult(entry);
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(
            task => task.IsCompletedSuccessfully ? task.Result : throw new TimeoutException($"Gave up waiting for {what}; logged: {string.Join(" | ", Entries)}"),
            TaskScheduler.Default);
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(entry);
            }
        }
    }

    internal sealed record Entry(string Category, LogLevel Level, string Message)
    {
        public override string ToString() => $"{Level} {Category}: {Message}";
    }

    private sealed class Recorder(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Add(new Entry(category, logLevel, formatter(state, exception)));
    }
}
