using McpFleet.Alerts;
using McpFleet.Connections;
using McpFleet.Health;
using McpFleet.Resilience;
using Microsoft.Extensions.Logging;

namespace McpFleet.Telemetry;

/// <summary>
/// The runtime's log messages (source-generated). They name servers, tools and causes, never arguments, headers or
/// tokens: failure messages are already free of the server's secrets.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Connected to server '{Server}' (protocol {ProtocolVersion}).")]
    public static partial void Connected(ILogger logger, string server, string? protocolVersion);

    [LoggerMessage(2, LogLevel.Warning, "The session with server '{Server}' ended; reconnecting.")]
    public static partial void Disconnected(ILogger logger, string server);

    [LoggerMessage(3, LogLevel.Warning, "Could not connect to server '{Server}' ({Kind}): {Cause}")]
    public static partial void ConnectFailed(ILogger logger, string server, ConnectionFailureKind kind, string cause);

    [LoggerMessage(4, LogLevel.Debug, "Reconnection attempt {Attempt} to server '{Server}' in {Delay}.")]
    public static partial void ReconnectScheduled(ILogger logger, string server, int attempt, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Information, "Server '{Server}' is {Current} (was {Previous}): {Reason}")]
    public static partial void HealthChanged(ILogger logger, string server, ServerHealth current, ServerHealth previous, string reason);

    [LoggerMessage(6, LogLevel.Debug, "Calling tool '{Tool}' on server '{Server}'.")]
    public static partial void CallingTool(ILogger logger, string tool, string server);

    [LoggerMessage(7, LogLevel.Debug, "Tool '{Tool}' on server '{Server}' failed: {ErrorType}.")]
    public static partial void ToolCallFailed(ILogger logger, string tool, string server, string errorType);

    [LoggerMessage(8, LogLevel.Information, "Server '{Server}' joined the fleet ({Target}).")]
    public static partial void ServerAdded(ILogger logger, string server, string target);

    [LoggerMessage(9, LogLevel.Information, "Server '{Server}' left the fleet; draining {InFlight} call(s).")]
    public static partial void ServerRemoved(ILogger logger, string server, int inFlight);

    [LoggerMessage(10, LogLevel.Information, "Server '{Server}' reports that its tool list changed.")]
    public static partial void ToolListChanged(ILogger logger, string server);

    [LoggerMessage(11, LogLevel.Warning, "Discovery source '{Source}' failed: {Cause}")]
    public static partial void DiscoveryFailed(ILogger logger, string source, string cause);

    [LoggerMessage(12, LogLevel.Error, "A handler of the fleet's {Event} event failed.")]
    public static partial void EventHandlerFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(15, LogLevel.Information, "Server '{Server}' did not complete the negotiated handshake ({Cause}); connecting again with protocol {ProtocolVersion} pinned.")]
    public static partial void NegotiationRetried(ILogger logger, string server, string protocolVersion, string cause);

    [LoggerMessage(16, LogLevel.Information, "Server '{Server}' wrote to standard error: {Line}")]
    public static partial void ServerStandardError(ILogger logger, string server, string line);

    [LoggerMessage(17, LogLevel.Warning, "Server '{Server}' wrote a line of {Length} bytes to standard output that is not a JSON-RPC message; it was skipped.")]
    public static partial void StandardOutputNotJsonRpc(ILogger logger, string server, int length);

    [LoggerMessage(20, LogLevel.Information, "Call of tool '{Tool}' on server '{Server}' is sent again ({Kind} after attempt {Attempt}): {Reason}")]
    public static partial void CallResent(ILogger logger, string tool, string server, ResendKind kind, int attempt, string reason);

    [LoggerMessage(21, LogLevel.Warning, "Circuit of server '{Server}' for tool '{Tool}' is {State}: {Reason}")]
    public static partial void CircuitChanged(ILogger logger, string server, string tool, CircuitState state, string reason);

    [LoggerMessage(22, LogLevel.Warning, "Whether tool '{Tool}' ran on server '{Server}' is unknown; it is not safe to send again.")]
    public static partial void OutcomeUnknown(ILogger logger, string tool, string server);
    [LoggerMessage(13, LogLevel.Debug, "Tool '{Tool}' of '{Server}' answered from the result cache.")]
    public static partial void ToolResultFromCache(ILogger logger, string tool, string server);

    [LoggerMessage(14, LogLevel.Warning, "Tool '{Tool}' of '{Scope}' has a cache time-to-live but is not read-only, so its results are not cached.")]
    public static partial void CachingSkippedNotReadOnly(ILogger logger, string tool, string scope);
    // Drift events start at 30, leaving room for other concerns' messages.
    [LoggerMessage(EventId = 30, Message = "Server '{Server}': tool '{Tool}' differs from its snapshot ({DriftClass}: {Detail}); action: {Action}.")]
    public static partial void DriftChange(ILogger logger, LogLevel level, string server, string tool, string driftClass, string detail, string action);

    [LoggerMessage(31, LogLevel.Information, "Server '{Server}' matches its snapshot again; nothing is blocked.")]
    public static partial void DriftResolved(ILogger logger, string server);

    [LoggerMessage(32, LogLevel.Warning, "Could not check server '{Server}' for drift after its tool list changed; the previous verdict stands: {Cause}")]
    public static partial void DriftCheckFailed(ILogger logger, string server, string cause);

    [LoggerMessage(18, LogLevel.Information, "The session with server '{Server}' was closed after {IdleTimeout} without use; the next call opens a new one.")]
    public static partial void IdleSessionClosed(ILogger logger, string server, TimeSpan idleTimeout);

    [LoggerMessage(50, LogLevel.Warning, "Alert {Kind} raised for '{Scope}': {Message}")]
    public static partial void AlertRaised(ILogger logger, AlertKind kind, string scope, string message);

    [LoggerMessage(51, LogLevel.Information, "Alert {Kind} resolved for '{Scope}': {Message}")]
    public static partial void AlertResolved(ILogger logger, AlertKind kind, string scope, string message);

    [LoggerMessage(40, LogLevel.Warning, "Server '{Server}' is unavailable, and calls to it fail: {Reason}")]
    public static partial void ServerUnavailable(ILogger logger, string server, string reason);
}
