using Microsoft.Extensions.Logging;

namespace McpFleet.ClientFeatures;

/// <summary>
/// Servers' log messages (<c>notifications/message</c>) are written to the fleet's <see cref="ILoggerFactory"/> under a
/// category per server, <c>McpFleet.Servers.{server}</c>, with the server's secrets masked. A level, fleet-wide or per
/// server, is sent to servers that take one (<c>logging/setLevel</c>, protocol revisions up to 2025-11-25) and applied to
/// what arrives, so it holds on every revision. <see cref="FleetRuntime.SetServerLogLevelAsync"/> changes it while the
/// fleet runs.
/// </summary>
public sealed class ServerLogOptions
{
    /// <summary>The least severe level kept from servers without a level of their own; <see langword="null"/> (the default)
    /// keeps what servers send and asks them for nothing, leaving the choice to the logging configuration.
    /// <see cref="LogLevel.None"/> keeps nothing.</summary>
    public LogLevel? MinimumLevel { get; set; }

    /// <summary>Levels of single servers, by the fleet's name for the server (a replica's own name, or the name of the
    /// server it is a replica of).</summary>
    public IDictionary<string, LogLevel> Servers { get; } = new Dictionary<string, LogLevel>(StringComparer.Ordinal);
}
