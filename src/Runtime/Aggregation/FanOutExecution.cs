using System.Diagnostics;
using System.Globalization;
using McpFleet.Calls;
using McpFleet.Telemetry;
using McpFleet.Tools;

namespace McpFleet.Aggregation;

/// <summary>
/// One fan-out: resolves the targets, calls them all at once, records each outcome as it comes in, cancels the calls
/// still running once the strategy is settled or the deadline passes, and aggregates.
/// </summary>
internal sealed class FanOutExecution<TResult, TValue>
    where TResult : IToolResult<TResult>
{
    private readonly FanOutContext _context;
    private readonly ToolRequest _request;
    private readonly AggregationStrategy<TResult, TValue> _strategy;
    private readonly FanOutOptions _options;
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource _stop;
    private volatile bool _settled;

    private FanOutExecution(
        FanOutContext context, ToolRequest request, AggregationStrategy<TResult, TValue> strategy, FanOutOptions options, CancellationTokenSource? deadline, CancellationTokenSource stop)
    {
        _context = context;
        _request = request;
        _strategy = strategy;
        _options = options;
        _deadline = deadline;
        _stop = stop;
    }

    /// <summary>Runs a fan-out.</summary>
    /// <param name="targets">The servers to call.</param>
    /// <param name="context">The runtime's registry, call path, clock and telemetry.</param>
    /// <param name="request">The request, written once and sent to every target.</param>
    /// <param name="strategy">How the outcomes become one value.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="cancellationToken">Cancels every call; the fan-out then throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="FanOutException">The fan-out has no result.</exception>
    public static async Task<FanOutResult<TResult, TValue>> RunAsync(
        FanOutTargets targets,
        FanOutContext context,
        ToolRequest request,
        AggregationStrategy<TResult, TValue> strategy,
        FanOutOptions options,
        CancellationToken cancellationToken)
    {
        using var deadline = options.Deadline == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(options.Deadline, context.Time);
        using var stop = deadline is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        return await new FanOutExecution<TResult, TValue>(context, request, strategy, options, deadline, stop).RunAsync(targets, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FanOutResult<TResult, TValue>> RunAsync(FanOutTargets targets, CancellationToken cancellationToken)
    {
        var started = _context.Time.GetTimestamp();
        using var activity = FleetTelemetry.StartFanOut(targets.ToolName, _strategy.Name);
        var progress = new FanOutProgress<TResult>(0);
        var outcome = "error";
        try
        {
            var resolved = await targets.ResolveAsync(_context, _options, _stop.Token).ConfigureAwait(false);
            progress = new FanOutProgress<TResult>(resolved.Count);

            // Every call starts before any is awaited: the fan-out takes as long as its slowest target, not their sum.
            var calls = resolved.Select(CallAsync).ToArray();
            await foreach (var call in Task.WhenEach(calls).ConfigureAwait(false))
            {
                var (index, result) = await call.ConfigureAwait(false);
                progress.Record(index, result);
                if (progress.Pending > 0 && !_stop.IsCancellationRequested && IsSettled(progress))
                {
                    _settled = true;
                    await _stop.CancelAsync().ConfigureAwait(false);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var aggregated = Aggregate(targets, progress, _context.Time.GetElapsedTime(started));
            outcome = "success";
            return aggregated;
        }
        catch (FanOutException e)
        {
            outcome = KindTag(e.Kind);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            Ended(targets.ToolName, progress, _context.Time.GetElapsedTime(started), outcome, activity);
        }
    }

    /// <summary>Whether the calls still running can be cancelled: the strategy is settled with enough successes, or
    /// too few targets are left to reach them.</summary>
    private bool IsSettled(FanOutProgress<TResult> progress) =>
        (_strategy.IsSettled(progress) && progress.Succeeded >= _options.MinimumSuccesses)
        || progress.Succeeded + progress.Pending < _options.MinimumSuccesses;

    private async Task<(int Index, ServerOutcome<TResult> Outcome)> CallAsync(FanOutTarget target, int index)
    {
        var time = _context.Time;
        var started = time.GetTimestamp();
        using var timer = _options.TargetTimeout is { } timeout && timeout != Timeout.InfiniteTimeSpan ? new CancellationTokenSource(timeout, time) : null;
        using var linked = timer is null ? null : CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, timer.Token);
        try
        {
            var value = await CallTargetAsync(target, linked?.Token ?? _stop.Token).ConfigureAwait(false);
            return (index, ServerOutcome<TResult>.Success(target.Server, value, time.GetElapsedTime(started)));
        }
        catch (OperationCanceledException) when (timer?.IsCancellationRequested == true)
        {
            return (index, Failure(ServerOutcomeStatus.TimedOut, new ToolCallTimeoutException(target.Tool, _options.TargetTimeout!.Value)));
        }
        catch (OperationCanceledException e) when (_stop.IsCancellationRequested)
        {
            // The deadline counts only if it came first: an answer no longer needed was cancelled, not late.
            return (index, !_settled && _deadline?.IsCancellationRequested == true
                ? Failure(ServerOutcomeStatus.TimedOut, new ToolCallTimeoutException(target.Tool, _options.Deadline))
                : Failure(ServerOutcomeStatus.Cancelled, e));
        }
        catch (ToolCallTimeoutException e)
        {
            return (index, Failure(ServerOutcomeStatus.TimedOut, e));
        }
#pragma warning disable CA1031 // Whatever one target throws is that target's outcome, not the fan-out's.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (index, Failure(ServerOutcomeStatus.Failed, e));
        }

        ServerOutcome<TResult> Failure(ServerOutcomeStatus status, Exception exception) =>
            ServerOutcome<TResult>.Failure(target.Server, status, exception, time.GetElapsedTime(started));
    }

    /// <summary>Calls one target alone, through the same call path as a call named to it: one attempt, no choice to make.</summary>
    private Task<TResult> CallTargetAsync(FanOutTarget target, CancellationToken cancellationToken)
    {
        if (target.Entry is not { } entry)
        {
            return Task.FromException<TResult>(new InvalidOperationException(
                $"Server '{target.Server}' is not in this fleet; its servers: {string.Join(", ", _context.Registry.Current.Names.Order(StringComparer.Ordinal))}."));
        }

        var settings = _context.Settings.ForSingleAttempt(entry.Definition.Service, target.Tool.ToolName);
        return _context.Invoker.InvokeAsync<TResult>(CallTarget.Single(new CallCandidate(entry, target.Tool, target.AcceptedArguments), settings), _request, cancellationToken);
    }

    private FanOutResult<TResult, TValue> Aggregate(FanOutTargets targets, FanOutProgress<TResult> progress, TimeSpan duration)
    {
        var outcomes = progress.Outcomes();
        if (outcomes.Count == 0)
        {
            throw Failed(FanOutFailureKind.NoTargets, $"no server in the fleet is a target ({targets}).");
        }

        // Targets cancelled because too few could still succeed did not all fail: too few succeeded.
        if (progress.Succeeded == 0 && !_settled)
        {
            throw Failed(FanOutFailureKind.AllFailed, "every target failed.");
        }

        if (progress.Succeeded < _options.MinimumSuccesses)
        {
            throw Failed(FanOutFailureKind.TooFewSuccesses, string.Create(
                CultureInfo.InvariantCulture, $"{progress.Succeeded} of {progress.Targets} servers succeeded; at least {_options.MinimumSuccesses} must."));
        }

        var verdict = _strategy.Aggregate(progress);
        return verdict.IsReached
            ? new FanOutResult<TResult, TValue>(targets.ToolName, _strategy.Name, verdict.Value!, verdict.Contributors, outcomes, duration)
            : throw Failed(FanOutFailureKind.NoAgreement, verdict.Failure!);

        FanOutException Failed(FanOutFailureKind kind, string reason) => new(targets.ToolName, _strategy.Name, kind, reason, outcomes);
    }

    private void Ended(string toolName, FanOutProgress<TResult> progress, TimeSpan duration, string outcome, Activity? activity)
    {
        var counts = Enum.GetValues<ServerOutcomeStatus>().ToDictionary(status => status, _ => 0);
        for (var i = 0; i < progress.Targets; i++)
        {
            if (progress[i] is { } done)
            {
                counts[done.Status]++;
            }
        }

        _context.Telemetry.FanOutEnded(toolName, _strategy.Name, duration, outcome);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("mcpfleet.fanout.targets", progress.Targets);
            activity.SetTag("mcpfleet.fanout.succeeded", counts[ServerOutcomeStatus.Succeeded]);
            activity.SetTag("mcpfleet.fanout.outcome", outcome);
        }

        if (outcome != "success")
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }

        AggregationLog.FanOutEnded(
            _context.Logger, toolName, _strategy.Name, outcome, progress.Targets,
            counts[ServerOutcomeStatus.Succeeded], counts[ServerOutcomeStatus.Failed], counts[ServerOutcomeStatus.TimedOut], counts[ServerOutcomeStatus.Cancelled]);
    }

    private static string KindTag(FanOutFailureKind kind) => kind switch
    {
        FanOutFailureKind.NoTargets => "no_targets",
        FanOutFailureKind.AllFailed => "all_failed",
        FanOutFailureKind.TooFewSuccesses => "too_few_successes",
        _ => "no_agreement",
    };
}
