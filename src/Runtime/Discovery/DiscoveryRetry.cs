using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace McpFleet.Discovery;

/// <summary>
/// The retry of a discovery source: exponential backoff with jitter, for as long as the source is watched. Every
/// failure is transient to a watcher, except the cancellation that ends the watch.
/// </summary>
internal static class DiscoveryRetry
{
    public static ResiliencePipeline Create(string source, TimeSpan delay, TimeSpan maxDelay, TimeProvider timeProvider, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is not null && !arguments.Context.CancellationToken.IsCancellationRequested),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = delay,
                MaxDelay = maxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = arguments =>
                {
                    DiscoveryLog.SourceFailed(logger, source, arguments.AttemptNumber + 1, arguments.RetryDelay, arguments.Outcome.Exception);
                    return default;
                },
            })
            .Build();
}
