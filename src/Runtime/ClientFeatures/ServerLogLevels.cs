// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using System.Collections.Concurrent;
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>The least severe level kept from each server now, and the mapping between MCP's and .NET's levels.</summary>
internal sealed class ServerLogLevels(ServerLogOptions options)
{
    private readonly LogLevel? _fleetWide = options.MinimumLevel;
    private readonly ConcurrentDictionary<string, LogLevel> _servers = new(options.Servers, StringComparer.Ordinal);

    /// <summary>The level of <paramref name="server"/>; <see langword="null"/> when none is set.</summary>
    public LogLevel? For(ServerDefinition server) =>
        _servers.TryGetValue(server.Name, out var own) || _servers.TryGetValue(server.Service, out own) ? own : _fleetWide;

    public void Set(string serverName, LogLevel level) => _servers[serverName] = level;

    /// <summary>The .NET level of a server's message: notice is information, alert and emergency are critical.</summary>
    public static LogLevel ToLogLevel(LoggingLevel level) => level switch
    {
        LoggingLevel.Debug => LogLevel.Debug,
        LoggingLevel.Info or LoggingLevel.Notice => LogLevel.Information,
        LoggingLevel.Warning => LogLevel.Warning,
        LoggingLevel.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    /// <summary>The level to ask a server for; <see cref="LogLevel.None"/> asks for the fewest messages, which are then dropped.</summary>
    public static LoggingLevel ToLoggingLevel(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => LoggingLevel.Debug,
        LogLevel.Information => LoggingLevel.Info,
        LogLevel.Warning => LoggingLevel.Warning,
        LogLevel.Error => LoggingLevel.Error,
        LogLevel.Critical => LoggingLevel.Critical,
        _ => LoggingLevel.Emergency,
    };
}
