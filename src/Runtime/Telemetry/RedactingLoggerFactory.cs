using McpFleet.Secrets;
using Microsoft.Extensions.Logging;

namespace McpFleet.Telemetry;

/// <summary>
/// The logger factory handed to the MCP SDK. The SDK logs what a stdio server writes to stderr, and exception messages
/// that can carry it; a server that prints a token must not put it in the application's logs. Messages and exceptions
/// are formatted, masked with every secret of the fleet, and passed on as plain text.
/// </summary>
/// <remarks>
/// The SDK logs every message it sends and receives in full at <see cref="LogLevel.Trace"/> (tool arguments and results
/// included, which masking cannot know to hide), so Trace is dropped unless <paramref name="logMessageContents"/>.
/// </remarks>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, FleetSecrets secrets, bool logMessageContents) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), secrets, logMessageContents);

    /// <summary>Nothing to dispose: the inner factory belongs to the application.</summary>
    public void Dispose()
    {
    }

    private sealed class RedactingLogger(ILogger inner, FleetSecrets secrets, bool logMessageContents) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => (logMessageContents || logLevel > LogLevel.Trace) && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = exception is null ? formatter(state, exception) : $"{formatter(state, exception)}{Environment.NewLine}{exception}";
            var masked = secrets.Mask(text);
            inner.Log(logLevel, eventId, masked, null, static (message, _) => message);
        }
    }
}
