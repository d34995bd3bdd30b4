using System.Collections.Concurrent;
using Polly;
using Polly.Hedging;
using Polly.Retry;

namespace McpFleet.Resilience;

/// <summary>
/// The pipelines a call of a tool runs through, around its attempts: retry with failover, and hedging for tools that
/// are safe to send twice. Built once per tool (with or without hedging) and shared by all its calls; each call's
/// <see cref="CallPlan"/>, which decides what may be sent again, travels in the resilience context.
/// </summary>
internal sealed class ToolCallPipelines(ResilienceOptions options, TimeProvider timeProvider, Action<CallResentEventArgs> resent)
{
    private readonly ConcurrentDictionary<(string Tool, bool Hedge), ResiliencePipeline<ToolAnswer>> _pipelines = new();

    /// <summary>The pipeline for calls of <paramref name="toolName"/>.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="mayHedge">Whether the tool may run twice at once (read-only, or declared safe to resend).</param>
    public ResiliencePipeline<ToolAnswer> For(string toolName, bool mayHedge) =>
        _pipelines.GetOrAdd((toolName, mayHedge && HedgingOf(toolName).Delay is not null), Create);

    /// <summary>The tool's retry settings.</summary>
    public RetryOptions RetryOf(string toolName) => options.ForTool(toolName)?.Retry ?? options.Retry;

    private HedgingOptions HedgingOf(string toolName) => options.ForTool(toolName)?.Hedging ?? options.Hedging;

    private ResiliencePipeline<ToolAnswer> Create((string Tool, bool Hedge) key)
    {
        var retry = RetryOf(key.Tool);
        var builder = new ResiliencePipelineBuilder<ToolAnswer> { TimeProvider = timeProvider, Name = "McpFleet.Call", InstanceName = key.Tool }
            .AddRetry(new RetryStrategyOptions<ToolAnswer>
            {
                // The plan holds the real budget: failovers of undelivered requests are free, other resends are not.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } failure && Plan(args.Context).ShouldResend(failure)),
                BackoffType = DelayBackoffType.Exponential,
                Delay = retry.Delay,
                MaxDelay = retry.MaxDelay,
                UseJitter = retry.UseJitter,

                // A replica not tried yet is asked at once; backing off is for servers asked before.
                DelayGenerator = args => ValueTask.FromResult(Plan(args.Context).HasUntried ? TimeSpan.Zero : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var plan = Plan(args.Context);
                    var kind = plan.HasUntried ? ResendKind.Failover : ResendKind.Retry;
                    var failure = args.Outcome.Exception;
                    resent(new(plan.ToolName, plan.LastServer ?? "", kind, args.AttemptNumber, failure is not null && CallFailures.MaybeDelivered(failure), failure?.Message ?? "failed"));
                    return default;
                },
            });
        if (key.Hedge)
        {
            var hedging = HedgingOf(key.Tool);
            builder.AddHedging(new HedgingStrategyOptions<ToolAnswer>
            {
                Delay = hedging.Delay!.Value,
                MaxHedgedAttempts = hedging.MaxHedgedAttempts,

                // Hedging answers slowness only; failures are the retry's, which knows what is safe to resend.
                ShouldHandle = _ => ValueTask.FromResult(false),
                ActionGenerator = args => Plan(args.ActionContext).HasUntried ? () => args.Callback(args.ActionContext) : null,
                OnHedging = args =>
                {
                    var plan = Plan(args.ActionContext);
                    resent(new(plan.ToolName, plan.LastServer ?? "", ResendKind.Hedge, args.AttemptNumber, mayHaveRun: true, $"no answer within {hedging.Delay.Value.TotalMilliseconds:0} ms"));
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static CallPlan Plan(ResilienceContext context) => context.Properties.GetValue(CallPlan.Key, null!);
}
