using System.Collections.Concurrent;
using System.Diagnostics;

namespace FleetDemo;

/// <summary>
/// Tells which replica served a routed call, from the fleet's traces: each call is made inside a span of the demo's,
/// and the fleet's <c>tools/call</c> span that succeeded under it names the server.
/// </summary>
internal sealed class ReplicaTracer : IDisposable
{
    // The fleet's activity source; its name is the meter's too.
    private const string FleetSource = "McpFleet";

    private const string DemoSource = "FleetDemo";

    private static readonly ActivitySource s_demo = new(DemoSource);

    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivitySpanId, string> _servers = new();

    public ReplicaTracer()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is FleetSource or DemoSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Makes <paramref name="call"/> and returns its result with the server that answered it.</summary>
    public async Task<(T Result, string Server)> TraceAsync<T>(Func<Task<T>> call)
    {
        using var span = s_demo.StartActivity("demo call") ?? throw new InvalidOperationException("The demo's span was not sampled.");
        var result = await call();
        return (result, _servers.TryRemove(span.SpanId, out var server) ? server : "?");
    }

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.Source.Name == FleetSource && activity.Status != ActivityStatusCode.Error
            && activity.GetTagItem("mcpfleet.server.name") is string server && DemoSpan(activity) is { } span)
        {
            _servers[span.SpanId] = server;
        }
    }

    private static Activity? DemoSpan(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source == s_demo)
            {
                return parent;
            }
        }

        return null;
    }
}
