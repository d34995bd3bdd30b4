using Microsoft.Extensions.Logging;

namespace McpFleet.Aggregation;

/// <summary>The fan-out's log messages (source-generated): tools, strategies and counts, never arguments or results.</summary>
internal static partial class AggregationLog
{
    [LoggerMessage(200, LogLevel.Debug, "Fan-out of tool '{Tool}' ({Strategy}) ended with {Outcome}: {Targets} target(s), {Succeeded} succeeded, {Failed} failed, {TimedOut} timed out, {Cancelled} cancelled.")]
    public static partial void FanOutEnded(ILogger logger, string tool, string strategy, string outcome, int targets, int succeeded, int failed, int timedOut, int cancelled);

}
