using McpFleet.Configuration;
using Microsoft.Extensions.Logging;

namespace McpFleet.Telemetry;

/// <summary>
/// The logger factory handed to the MCP SDK for one server. The SDK logs what a stdio server writes to stderr, and
/// exception messages that can carry it; a server that prints its own token must not put that token in the
/// application's logs. Messages and exceptions are formatted, masked, and passed on as plain text.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, IReadOnlyCollection<string> secrets) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), secrets);

    /// <summary>Nothing to dispose: the inner factory belongs to the application.</summary>
    public void Dispose()
    {
    }

    private sealed class RedactingLogger(ILogger inner, IReadOnlyCollection<string> secrets) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = exception is null ? formatter(state, exception) : $"{formatter(state, exception)}{Environment.NewLine}{exception}";
            var masked = SecretRedactor.Redact(text, secrets);
            inner.Log(logLevel, eventId, masked, null, static (message, _) => message);
        }
    }
}
