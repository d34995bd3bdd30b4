using Microsoft.Extensions.Logging;

namespace McpFleet.SampleServer;

/// <summary>The one logging set-up of the process, shared by the MCP servers and the HTTP host.</summary>
internal static class ServerLogging
{
    public static void Configure(ILoggingBuilder logging, bool verbose) =>
        logging
            .ClearProviders()
            // stdout carries the stdio protocol or the ready line, so every log line goes to stderr.
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
}
