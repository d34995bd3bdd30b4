using System.Diagnostics.Metrics;
using McpFleet.Telemetry;

namespace McpFleet.Cli.Repl;

/// <summary>
/// Per server and tool calls, errors and latency, and routing decisions, as the runtime reports them on its
/// <c>McpFleet</c> meter: <c>stats</c> shows what an OpenTelemetry exporter would, not a count of its own.
/// </summary>
internal sealed class CallStatistics : IDisposable
{
    // The runtime's instrument names (Telemetry/FleetTelemetry.cs); they are public contract, as dashboards use them.
    private const string Calls = "mcpfleet.tool.calls";
    private const string Errors = "mcpfleet.tool.errors";
    private const string Duration = "mcpfleet.tool.duration";
    private const string RoutingDecisions = "mcpfleet.routing.decisions";
    private const string ServerTag = "mcpfleet.server.name";
    private const string ToolTag = "gen_ai.tool.name";
    private const string OutcomeTag = "mcpfleet.outcome";
    private const string StrategyTag = "mcpfleet.routing.strategy";

    private static readonly AsyncLocal<CallTrace?> s_currentTrace = new();

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Server, string Tool), ToolCalls> _calls = [];
    private readonly Dictionary<(string Tool, string Strategy, string Server), long> _decisions = [];

    public CallStatistics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FleetTelemetry.Name && instrument.Name is Calls or Errors or Duration or RoutingDecisions)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        _listener.Start();
    }

    /// <summary>
    /// Starts recording which server answers the calls made from here on in this asynchronous flow: the runtime's
    /// measurements are taken on the flow of the call, so they say where a routed call went.
    /// </summary>
    public static CallTrace Trace() => s_currentTrace.Value = new CallTrace();

    /// <summary>Every server and tool called so far, sorted by server, then tool.</summary>
    public IReadOnlyList<ToolCallStatistics> GetToolCalls()
    {
        lock (_gate)
        {
            return
            [
                .. _calls
                    .OrderBy(entry => entry.Key.Server, StringComparer.Ordinal)
                    .ThenBy(entry => entry.Key.Tool, StringComparer.Ordinal)
                    .Select(entry => entry.Value.Summarize(entry.Key.Server, entry.Key.Tool)),
            ];
        }
    }

    /// <summary>Every routing choice so far, by tool, strategy and chosen server, sorted in that order.</summary>
    public IReadOnlyList<RoutingStatistics> GetRoutingDecisions()
    {
        lock (_gate)
        {
            return
            [
                .. _decisions
                    .OrderBy(entry => entry.Key.Tool, StringComparer.Ordinal)
                    .ThenBy(entry => entry.Key.Strategy, StringComparer.Ordinal)
                    .ThenBy(entry => entry.Key.Server, StringComparer.Ordinal)
                    .Select(entry => new RoutingStatistics(entry.Key.Tool, entry.Key.Strategy, entry.Key.Server, entry.Value)),
            ];
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var server = Tag(tags, ServerTag);
        var tool = Tag(tags, ToolTag);
        if (server is null || tool is null)
        {
            return;
        }

        if (instrument == RoutingDecisions)
        {
            var strategy = Tag(tags, StrategyTag) ?? "";
            if (s_currentTrace.Value is { } routed)
            {
                routed.Strategy = strategy;
            }

            lock (_gate)
            {
                _decisions[(tool, strategy, server)] = _decisions.GetValueOrDefault((tool, strategy, server)) + (long)value;
            }

            return;
        }

        if (instrument == Calls && Tag(tags, OutcomeTag) == "success" && s_currentTrace.Value is { } trace)
        {
            trace.Server = server;
        }

        lock (_gate)
        {
            if (!_calls.TryGetValue((server, tool), out var calls))
            {
                _calls[(server, tool)] = calls = new ToolCalls();
            }

            switch (instrument)
            {
                case Calls:
                    calls.Count += (long)value;
                    break;
                case Errors:
                    calls.Errors += (long)value;
                    break;
                case Duration:
                    calls.Durations.Add(value);
                    break;
            }
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private sealed class ToolCalls
    {
        public long Count { get; set; }

        public long Errors { get; set; }

        /// <summary>Every call's duration in seconds; a session makes few enough calls to keep them all.</summary>
        public List<double> Durations { get; } = [];

        public ToolCallStatistics Summarize(string server, string tool)
        {
            double[] sorted = [.. Durations.Order()];
            return new ToolCallStatistics(
                server,
                tool,
                Count,
                Errors,
                sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(sorted.Average()),
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.95));
        }

        /// <summary>The nearest-rank percentile.</summary>
        private static TimeSpan Percentile(double[] sorted, double fraction) =>
            sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)]);
    }
}
