using McpFleet.Tools;
using ModelContextProtocol;

namespace McpFleet.Resilience;

/// <summary>What a failed attempt proves about its request: whether it can have reached the server and run.</summary>
internal static class CallFailures
{
    /// <summary>
    /// The request may have reached the server and run: no answer in time, the session ended before the answer, or the
    /// server failed while handling it.
    /// </summary>
    public static bool MaybeDelivered(Exception failure) =>
        failure is ToolCallTimeoutException or ToolCallException { ErrorCode: null or McpErrorCode.InternalError };
}
