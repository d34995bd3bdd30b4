using McpFleet.Configuration;
using McpFleet.Tools;

namespace McpFleet.Calls;

/// <summary>
/// Turns a call that ended without an answer into the exception its caller gets, by how far its request got: an answer
/// (a refusal) makes a <see cref="ToolCallException"/>; otherwise, if any attempt may have run the tool, a
/// <see cref="ToolOutcomeUnknownException"/> naming that replica (a <see cref="ToolCallTimeoutException"/> when no answer
/// came in time); otherwise a <see cref="ToolNotSentException"/> naming why. Each lists every attempt.
/// </summary>
internal static class CallExceptions
{
    public static Exception From(Call call, AttemptFailure last)
    {
        if (last.Kind == FailureKind.Cancelled && call.CallerCancelled)
        {
            return new OperationCanceledException(call.CallerToken);
        }

        var failures = call.Failures;
        var attempts = failures.Select(f => f.ToAttempt()).ToArray();
        var target = call.Target;
        var group = target.GroupName;
        if (last.Delivery == CallDelivery.Delivered)
        {
            var tool = last.Replica.Tool;
            var refused = new ToolCallException(tool, last.Cause, last.Exception, last.ErrorCode);
            refused.Describe(tool.ServerName, group, attempts);
            return refused;
        }

        var mayHaveRun = LastIndex(failures, f => f.Delivery == CallDelivery.OutcomeUnknown);
        if (mayHaveRun >= 0)
        {
            var decisive = failures[mayHaveRun];
            var where = Where(decisive);
            var tool = decisive.Replica.Tool;
            if (decisive.Kind == FailureKind.TimedOut)
            {
                var limit = call.DeadlineExpired || call.Target.Settings.AttemptTimeout is null ? call.Deadline : call.Target.Settings.AttemptTimeout.Value;
                return new ToolCallTimeoutException(tool.ToolName, tool.ServerName, group, attempts, mayHaveRun, limit,
                    $"Tool '{tool.ToolName}' on {where} did not answer within {limit.TotalSeconds:0.###} s.{Resent(call, attempts)}");
            }

            var reason = decisive.Kind == FailureKind.ShuttingDown ? OutcomeUnknownReason.ShuttingDown : OutcomeUnknownReason.SessionLost;
            return new ToolOutcomeUnknownException(tool.ToolName, tool.ServerName, group, reason, attempts, mayHaveRun,
                $"Whether tool '{tool.ToolName}' ran on {where} is unknown, so the call was not sent again: {decisive.Cause}{Resent(call, attempts)}",
                decisive.Exception);
        }

        var why = last.Kind switch
        {
            FailureKind.CircuitOpen => NotSentReason.CircuitOpen,
            FailureKind.Draining => NotSentReason.Draining,
            FailureKind.Blocked => NotSentReason.DriftBlocked,
            FailureKind.TimedOutBeforeSending => NotSentReason.DeadlineExpired,
            FailureKind.ShuttingDown => NotSentReason.ShuttingDown,
            _ => NotSentReason.Unreachable,
        };
        if (why == NotSentReason.DriftBlocked && last.Exception is ToolBlockedException blocked)
        {
            blocked.Describe(last.Replica.Tool.ServerName, group, attempts);
            return blocked;
        }

        var server = target.GroupName is null ? target.ServerName : last.Replica.Tool.ServerName;
        var subject = target.GroupName is null ? $"Tool '{target.ToolName}' of server '{target.ServerName}'" : $"Unified tool '{target.ToolName}'";
        var message = why == NotSentReason.ShuttingDown
            ? $"{subject} was not sent: the fleet is shutting down."
            : $"{subject} was not sent: {(attempts.Length == 1 ? attempts[0].Outcome : string.Join("; ", attempts.Select(a => a.ToString())))}";
        return new ToolNotSentException(target.ToolName, server, group, why, attempts, message, last.Exception);
    }

    /// <summary>A call that found no server instance to try.</summary>
    public static ToolNotSentException NoReplica(CallTarget target, IEnumerable<string> fleet, IReadOnlyDictionary<string, string> unavailableServers)
    {
        string[] servers = [.. fleet.Order(StringComparer.Ordinal)];
        var message = target.Group is { } group
            ? $"No server offering tool '{target.ToolName}' is configured; it is offered by {string.Join(", ", group.Members.Select(m => Member(m.Tool.ServerName, unavailableServers)))}."
            : UnknownServer.Message(target.ServerName, unavailableServers.GetValueOrDefault(target.ServerName), servers);
        return new ToolNotSentException(target.ToolName, target.GroupName is null ? target.ServerName : "", target.GroupName, NotSentReason.NoReplica, [], message);
    }

    private static string Member(string server, IReadOnlyDictionary<string, string> unavailableServers) =>
        unavailableServers.TryGetValue(server, out var reason) ? $"'{server}' (unavailable: {reason})" : $"'{server}'";

    private static string Where(AttemptFailure failure) =>
        failure.Replica.Entry.Name == failure.Replica.Tool.ServerName
            ? $"server '{failure.Replica.Entry.Name}'"
            : $"server '{failure.Replica.Entry.Name}' (an instance of '{failure.Replica.Tool.ServerName}')";

    private static string Resent(Call call, ToolCallAttempt[] attempts) =>
        attempts.Length > 1 ? $" Attempts: {string.Join("; ", attempts.Select(a => a.ToString()))}." : "";

    private static int LastIndex(IReadOnlyList<AttemptFailure> failures, Func<AttemptFailure, bool> match)
    {
        for (var i = failures.Count - 1; i >= 0; i--)
        {
            if (match(failures[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
