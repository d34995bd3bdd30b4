using System.Net.Http;
using McpFleet.Connections;
using McpFleet.Secrets;
using McpFleet.Tools;
using McpFleet.Transports;
using ModelContextProtocol;

namespace McpFleet.Calls;

/// <summary>
/// The one place that decides what a failed attempt means: whether its request left the process (by the phase it had
/// reached and what was thrown), what happened in words, and its masked cause. Every other stage reads the
/// <see cref="AttemptFailure"/> it returns.
/// </summary>
internal sealed class OutcomeClassifier(FleetSecrets secrets)
{
    /// <param name="call">The call, which knows who cancelled it.</param>
    /// <param name="replica">Where the attempt went.</param>
    /// <param name="phase">How far the attempt got.</param>
    /// <param name="failure">What it threw.</param>
    /// <param name="attemptTimedOut">Whether the attempt's own timeout passed.</param>
    /// <param name="attemptTimeout">That timeout.</param>
    public AttemptFailure Classify(Call call, CallCandidate replica, AttemptPhase phase, Exception failure, bool attemptTimedOut, TimeSpan? attemptTimeout)
    {
        var sent = phase == AttemptPhase.Sent;
        var delivery = sent ? CallDelivery.OutcomeUnknown : CallDelivery.NotSent;
        return failure switch
        {
            OperationCanceledException when call.CallerCancelled => New(FailureKind.Cancelled, delivery, "cancelled by the caller"),
            OperationCanceledException or ObjectDisposedException when call.ShuttingDown => New(FailureKind.ShuttingDown, delivery, "the fleet is shutting down"),
            OperationCanceledException when attemptTimedOut || call.DeadlineExpired =>
                New(
                    sent ? FailureKind.TimedOut : FailureKind.TimedOutBeforeSending,
                    delivery,
                    $"{(sent ? "no answer" : phase == AttemptPhase.Queued ? "still waiting for a turn (not sent)" : "still connecting (not sent)")} after {Seconds(attemptTimedOut ? attemptTimeout!.Value : call.Deadline)}"),
            OperationCanceledException => New(FailureKind.Cancelled, delivery, "cancelled: another attempt answered first"),
            ToolBlockedException blocked => New(FailureKind.Blocked, CallDelivery.NotSent, blocked.Message, blocked),
            ServerConnectionException { Kind: ConnectionFailureKind.Draining } draining => New(FailureKind.Draining, CallDelivery.NotSent, draining.Message, draining),
            ServerConnectionException unreachable => New(FailureKind.Unreachable, CallDelivery.NotSent, unreachable.Message, unreachable),
            McpProtocolException { ErrorCode: McpErrorCode.InternalError } error =>
                New(FailureKind.ServerError, CallDelivery.Delivered, $"the server failed handling the call ({error.Message})", error, error.ErrorCode),
            McpProtocolException refused => New(FailureKind.Refused, CallDelivery.Delivered, refused.Message, refused, refused.ErrorCode),

            // Nothing was delivered: the server is unreachable, and another one may take the call.
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http =>
                New(FailureKind.Unreachable, CallDelivery.NotSent, ConnectionFailureClassifier.Classify(replica.Entry.Definition, http, secrets).Message, http),

            // The server answered with more than it may send: refused unread, and the same answer would come again.
            MessageTooLargeException tooLarge => New(FailureKind.MessageTooLarge, CallDelivery.Delivered, tooLarge.Message, tooLarge),
            ObjectDisposedException when !sent => New(FailureKind.Draining, CallDelivery.NotSent, $"server '{replica.Entry.Name}' left the fleet", failure),
            McpException or IOException or HttpRequestException or ObjectDisposedException =>
                New(FailureKind.SessionLost, CallDelivery.OutcomeUnknown, $"the session ended during the call, so whether the tool ran is unknown ({failure.Message})", failure),
            _ => New(sent ? FailureKind.SessionLost : FailureKind.Unreachable, delivery, $"{failure.GetType().Name}: {failure.Message}", failure),
        };

        AttemptFailure New(FailureKind kind, CallDelivery delivery, string cause, Exception? exception = null, McpErrorCode? code = null) =>
            new(replica, kind, delivery, secrets.Mask(cause), exception is null ? null : secrets.Wrap(exception), code);
    }

    /// <summary>An attempt refused before it started: the server is leaving, or a circuit is open.</summary>
    public AttemptFailure Refused(CallCandidate replica, FailureKind kind, string cause) => new(replica, kind, CallDelivery.NotSent, secrets.Mask(cause), null);

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.###} s";
}
