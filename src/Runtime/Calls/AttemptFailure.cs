using McpFleet.Tools;
using ModelContextProtocol;

namespace McpFleet.Calls;

/// <summary>
/// A failed attempt as the rest of the call path sees it: which replica, how far the request got, what happened (in
/// words free of every secret of the fleet) and the masked cause. Everything downstream — the resend policy, health,
/// the circuit breakers, telemetry and the exception the caller gets — reads this, and only this.
/// </summary>
internal sealed class AttemptFailure(CallCandidate replica, FailureKind kind, CallDelivery delivery, string cause, Exception? exception, McpErrorCode? errorCode = null)
{
    public CallCandidate Replica { get; } = replica;

    public FailureKind Kind { get; } = kind;

    public CallDelivery Delivery { get; } = delivery;

    /// <summary>What happened, e.g. "connection refused; is the server running?"; masked.</summary>
    public string Cause { get; } = cause;

    /// <summary>The cause as an exception, masked (<see cref="Secrets.FleetSecrets.Wrap"/>).</summary>
    public Exception? Exception { get; } = exception;

    /// <summary>The JSON-RPC error code, when the server answered with an error.</summary>
    public McpErrorCode? ErrorCode { get; } = errorCode;

    /// <summary>Whether the tool may have run: the request was sent and not refused.</summary>
    public bool MayHaveRun => Delivery == CallDelivery.OutcomeUnknown || Kind == FailureKind.ServerError;

    /// <summary>The server's circuit counts failures of the server itself: it cannot be reached, its session broke, or
    /// it sent more than it may.</summary>
    public bool CountsAgainstServer => Kind is FailureKind.Unreachable or FailureKind.SessionLost or FailureKind.MessageTooLarge;

    /// <summary>A tool's circuit counts what says the tool is failing on a server that answers: timeouts and server errors.</summary>
    public bool CountsAgainstTool => Kind is FailureKind.TimedOut or FailureKind.ServerError;

    /// <summary>The <c>error.type</c> of the call's metrics and span.</summary>
    public string ErrorType => Kind switch
    {
        FailureKind.Unreachable => "unreachable",
        FailureKind.CircuitOpen => "circuit_open",
        FailureKind.Draining => "draining",
        FailureKind.Blocked => "drift_blocked",
        FailureKind.TimedOutBeforeSending or FailureKind.TimedOut => "timeout",
        FailureKind.Refused or FailureKind.ServerError => "protocol_error",
        FailureKind.SessionLost => "session_lost",
        FailureKind.MessageTooLarge => "message_too_large",
        FailureKind.ShuttingDown => "shutting_down",
        _ => "cancelled",
    };

    public ToolCallAttempt ToAttempt() => new(Replica.Entry.Name, Delivery, Cause);
}
