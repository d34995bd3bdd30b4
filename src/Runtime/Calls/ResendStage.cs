using McpFleet.Resilience;
using McpFleet.Routing;
using Polly;
using Polly.Hedging;
using Polly.Retry;

namespace McpFleet.Calls;

/// <summary>
/// Sends a call's first attempt and decides, for each failure, whether the call may be sent again — the one place that
/// decides it:
/// <list type="bullet">
/// <item>a request that never left the process fails over at once to a candidate not tried yet, whatever the tool's
/// hints; with none left, the call fails at once (no backoff: nothing can change by waiting);</item>
/// <item>a request that may have run (no answer, session lost, server error) is sent again only when the tool is safe to
/// repeat, within the retry budget: to an untried candidate at once, to one asked before after a backoff;</item>
/// <item>an answer — an error result or a refusal — is never sent again, nor is anything once the call's deadline passed
/// or the fleet is shutting down.</item>
/// </list>
/// Most calls end at the first attempt (<see cref="FirstAttemptAsync"/>) and never enter Polly; after a failure
/// (<see cref="AfterFailureAsync"/>), Polly's retry runs the rest, with the first outcome replayed into it. A call that
/// may be hedged (read-only, hedging on) goes through Polly's retry and hedging from its first attempt.
/// </summary>
internal sealed class ResendStage(ReplicaRouter router, AttemptStage attempts, TimeProvider time, Action<CallResentEventArgs> resent)
{
    private static readonly ResiliencePropertyKey<Call> s_call = new("McpFleet.Call");
    private static readonly ResiliencePropertyKey<RoutingStrategy?> s_strategy = new("McpFleet.Strategy");
    private static readonly ResiliencePropertyKey<AttemptResult?> s_first = new("McpFleet.FirstAttempt");

    /// <summary>The call's first attempt, routed; for a call that may be hedged, every attempt (Polly decides when).</summary>
    public ValueTask<AttemptResult> FirstAttemptAsync(Call call, RoutingStrategy? strategy) =>
        call.MayHedge
            ? ResendAsync(call, strategy, first: null)
            : attempts.SendAsync(call, router.Next(call, strategy), strategy?.Name, call.Token);

    /// <summary>After a failed first attempt: sends the call again while that is allowed, and returns the last outcome.</summary>
    public ValueTask<AttemptResult> AfterFailureAsync(Call call, RoutingStrategy? strategy, AttemptResult first)
    {
        call.Record(first.Failure!);
        return ResendAsync(call, strategy, first);
    }

    private async ValueTask<AttemptResult> ResendAsync(Call call, RoutingStrategy? strategy, AttemptResult? first)
    {
        var pipeline = call.Target.Settings.ResendPipeline(call.MayHedge, Build);
        var context = ResilienceContextPool.Shared.Get(call.Token);
        context.Properties.Set(s_call, call);
        context.Properties.Set(s_strategy, strategy);
        context.Properties.Set(s_first, first);
        try
        {
            return await pipeline.ExecuteAsync(static (context, stage) => stage.AttemptAsync(context), context, this).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.Failures.Count > 0)
        {
            // The call ended (deadline, caller, shutdown) while it waited to be sent again: its latest failure stands.
            return new AttemptResult(call.Failures[^1]);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Whether a failed attempt is sent again; spends the retry budget when it is.</summary>
    private static bool ShouldResend(Call call, AttemptFailure failure)
    {
        if (call.Token.IsCancellationRequested || failure.Kind is FailureKind.Cancelled or FailureKind.ShuttingDown)
        {
            return false;
        }

        if (failure.Delivery == Tools.CallDelivery.NotSent)
        {
            return call.HasUntried;
        }

        return failure.MayHaveRun && call.MayResend && call.TrySpendRetry();
    }

    private async ValueTask<AttemptResult> AttemptAsync(ResilienceContext context)
    {
        var call = context.Properties.GetValue(s_call, null!);
        if (context.Properties.GetValue(s_first, null) is { } first)
        {
            context.Properties.Set(s_first, null);
            return first;
        }

        var strategy = context.Properties.GetValue(s_strategy, null);
        var attempt = await attempts.SendAsync(call, router.Next(call, strategy), strategy?.Name, context.CancellationToken).ConfigureAwait(false);
        if (attempt.Failure is { } failure)
        {
            call.Record(failure);
        }

        return attempt;
    }

    private ResiliencePipeline<AttemptResult> Build(CallSettings settings, bool hedged)
    {
        var retry = settings.Retry;
        var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time, Name = "McpFleet.Call", InstanceName = settings.Key }
            .AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                // The call holds the real budget: failovers of requests never sent are free, other resends are not.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result.Failure is { } failure && ShouldResend(CallOf(args.Context), failure)),
                BackoffType = DelayBackoffType.Exponential,
                Delay = retry.Delay,
                MaxDelay = retry.MaxDelay,
                UseJitter = retry.UseJitter,

                // A replica not tried yet is asked at once; backing off is for servers asked before.
                DelayGenerator = args => ValueTask.FromResult(CallOf(args.Context).HasUntried ? TimeSpan.Zero : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var call = CallOf(args.Context);
                    var failure = args.Outcome.Result.Failure!;
                    resent(new(call.Target.ToolName, failure.Replica.Entry.Name, call.HasUntried ? ResendKind.Failover : ResendKind.Retry, args.AttemptNumber, failure.MayHaveRun, failure.Cause));
                    return default;
                },
            });
        if (hedged)
        {
            var delay = settings.Hedging!.Delay!.Value;
            builder.AddHedging(new HedgingStrategyOptions<AttemptResult>
            {
                Delay = delay,
                MaxHedgedAttempts = settings.Hedging.MaxHedgedAttempts,

                // Hedging answers slowness only; failures are the retry's, which knows what is safe to resend.
                ShouldHandle = _ => ValueTask.FromResult(false),
                ActionGenerator = args => CallOf(args.ActionContext).HasUntried ? () => args.Callback(args.ActionContext) : null,
                OnHedging = args =>
                {
                    var call = CallOf(args.ActionContext);
                    var slow = call.Candidates.Where((_, i) => call.WasTried(i)).LastOrDefault()?.Entry.Name ?? "";
                    resent(new(call.Target.ToolName, slow, ResendKind.Hedge, args.AttemptNumber, mayHaveRun: true, $"no answer within {delay.TotalMilliseconds:0} ms"));
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static Call CallOf(ResilienceContext context) => context.Properties.GetValue(s_call, null!);
}
