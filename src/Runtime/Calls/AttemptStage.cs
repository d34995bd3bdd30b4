using System.Diagnostics;
using McpFleet.Alerts;
using McpFleet.Connections;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpFleet.Calls;

/// <summary>
/// One attempt on one chosen replica, from the top: count the call in on the server (refused while it drains), check
/// its circuit breakers (refused while open), wait for a turn under its concurrency bound, lease its session, so that it is not closed for idleness under the call (the drift
/// check has run by then; a destructive tool on an old verdict is checked again; a blocked tool is refused), and send <c>tools/call</c> over it (<see cref="ToolCaller"/>, which
/// gets cancellation to the server). How far it got decides whether its request can have left the process. The outcome
/// is reported to the server's health, breakers, latency, telemetry and alerts here, and nowhere else.
/// </summary>
internal sealed class AttemptStage(OutcomeClassifier classifier, TimeProvider time, FleetTelemetry telemetry, AlertMonitor? alerts, ILogger logger)
{
    /// <param name="call">The call.</param>
    /// <param name="replica">The chosen replica.</param>
    /// <param name="strategy">The routing strategy that chose it, for telemetry; <see langword="null"/> when there was no choice.</param>
    /// <param name="cancellationToken">The call's token, or a hedged attempt's own.</param>
    public async ValueTask<AttemptResult> SendAsync(Call call, CallCandidate replica, string? strategy, CancellationToken cancellationToken)
    {
        var (entry, tool, accepted) = replica;
        if (!entry.TryEnter())
        {
            return Ended(replica, classifier.Refused(replica, FailureKind.Draining, $"server '{entry.Name}' is leaving the fleet and takes no new calls"), null, 0);
        }

        var breakers = entry.Breakers;
        var toolBreaker = breakers.For(tool.ToolName);
        if (breakers.Server is { AllowsCall: false } || toolBreaker is { AllowsCall: false })
        {
            entry.Exit();
            var which = breakers.Server is { AllowsCall: false } ? $"server '{entry.Name}'" : $"tool '{tool.ToolName}' on server '{entry.Name}'";
            return Ended(replica, classifier.Refused(replica, FailureKind.CircuitOpen, $"the circuit breaker of {which} is open after recent failures; the call was not sent"), null, 0);
        }

        using var activity = FleetTelemetry.StartCall(entry.Name, tool.ToolName, strategy);
        var started = time.GetTimestamp();
        telemetry.CallStarted(entry.Name);
        Log.CallingTool(logger, tool.ToolName, entry.Name);
        var attemptTimeout = call.Target.Settings.AttemptTimeout;
        using var timer = attemptTimeout is { } limit ? new RequestTimeout(limit, time, cancellationToken) : null;
        var token = timer?.Token ?? cancellationToken;
        var phase = AttemptPhase.Queued;
        McpClient? client = null;
        try
        {
            using var outstanding = entry.State.BeginRequest();
            using var slot = await entry.AcquireAsync(token).ConfigureAwait(false);
            phase = AttemptPhase.Connecting;
            using var session = await entry.Connection.LeaseAsync(token).ConfigureAwait(false);
            client = session.Client;

            // A destructive tool is checked against its live definition first when the verdict is old.
            await entry.Drift.EnsureCurrentAsync(client, tool, token).ConfigureAwait(false);
            entry.Drift.ThrowIfBlocked(tool);

            // A call ended while it waited (a turn freed by another call's end can race its own end) is not sent.
            token.ThrowIfCancellationRequested();
            phase = AttemptPhase.Sent;
            var answer = await ToolCaller.CallAsync(client, call.Request.ParametersFor(accepted), call.Request.Progress, time, call.ShutdownToken, token).ConfigureAwait(false);

            var latency = time.GetElapsedTime(started);
            entry.State.RecordLatency(latency);
            entry.Health.CallAnswered();
            breakers.Server?.Report(null);
            toolBreaker?.Report(null);
            var errorType = answer.IsError == true ? "tool_error" : null;
            telemetry.CallEnded(entry.Name, tool.ToolName, latency, errorType);
            alerts?.CallEnded(entry.Definition.Service, latency, errorType is not null);
            if (errorType is not null)
            {
                activity?.SetStatus(ActivityStatusCode.Error, errorType);
                Log.ToolCallFailed(logger, tool.ToolName, entry.Name, errorType);
            }

            return new AttemptResult(replica, answer);
        }
#pragma warning disable CA1031 // Every failure of an attempt is classified; the call decides what it means.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var failure = classifier.Classify(call, replica, phase, e, timer is { HasExpired: true }, attemptTimeout);
            if (failure.Kind is FailureKind.SessionLost or FailureKind.Unreachable && phase == AttemptPhase.Sent && client is not null)
            {
                // The session is gone (or its server cannot be reached any more): the connection reopens it, and tells
                // health once.
                entry.Connection.Discard(client);
            }
            else if (failure.Kind == FailureKind.TimedOut)
            {
                entry.Health.CallTimedOut(tool.ToolName, failure.Cause);
            }

            breakers.Server?.Report(failure);
            toolBreaker?.Report(failure);
            return Ended(replica, failure, activity, started);
        }
        finally
        {
            entry.Exit();
        }
    }

    private AttemptResult Ended(CallCandidate replica, AttemptFailure failure, Activity? activity, long started)
    {
        if (started != 0)
        {
            var latency = time.GetElapsedTime(started);
            telemetry.CallEnded(replica.Entry.Name, replica.Tool.ToolName, latency, failure.ErrorType);
            alerts?.CallEnded(replica.Entry.Definition.Service, latency, failed: true);
        }

        activity?.SetStatus(ActivityStatusCode.Error, failure.ErrorType);
        Log.ToolCallFailed(logger, replica.Tool.ToolName, replica.Entry.Name, failure.ErrorType);
        return new AttemptResult(failure);
    }
}
