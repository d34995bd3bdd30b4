using System.Collections.Concurrent;
using System.Diagnostics;

namespace McpFleet.Tests.Runtime;

/// <summary>
/// Records the McpFleet spans that end, so a test can tell when a server's call is over (its span ends after the call's
/// outcome is known) without sleeping. Listeners see every runtime in the process, so tests use server names of their own.
/// </summary>
internal sealed class CallSpans : IDisposable
{
    private readonly ActivityListener _listener;

    public CallSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "McpFleet",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    /// <summary>Whether the call of a tool on <paramref name="server"/> has ended.</summary>
    public bool CallEnded(string server) => Stopped.Any(span => span.DisplayName.StartsWith("tools/call ", StringComparison.Ordinal) && span.GetTagItem("mcpfleet.server.name") as string == server);

    public void Dispose() => _listener.Dispose();
}
