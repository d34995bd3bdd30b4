using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using McpFleet.Alerts;
using McpFleet.Batching;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Resilience;

namespace McpFleet.Telemetry;

/// <summary>
/// The fleet's metrics (meter <c>McpFleet</c>) and traces (activity source <c>McpFleet</c>). Tags carry server, tool,
/// strategy and outcome names only: never arguments, headers or credentials.
/// </summary>
internal sealed class FleetTelemetry : IDisposable
{
    /// <summary>The name of the meter and of the activity source, to enable them in OpenTelemetry.</summary>
    public const string Name = "McpFleet";

    private static readonly string? s_version = typeof(FleetTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _activeCalls;
    private readonly Counter<long> _routingDecisions;
    private readonly Counter<long> _healthTransitions;
    private readonly Counter<long> _resilienceEvents;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _fanOuts;
    private readonly Histogram<double> _fanOutDuration;
    private readonly Counter<long> _driftChanges;
    private readonly Counter<long> _driftChecks;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _idleClosedSessions;
    private readonly Counter<long> _alerts;

    public FleetTelemetry(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(new MeterOptions(Name) { Version = s_version }) ?? new Meter(Name, s_version);
        _ownsMeter = meterFactory is null;
        _calls = _meter.CreateCounter<long>("mcpfleet.tool.calls", "{call}", "Tool calls completed, by server, tool and outcome.");
        _errors = _meter.CreateCounter<long>("mcpfleet.tool.errors", "{call}", "Tool calls that failed, by server, tool and error type.");
        _duration = _meter.CreateHistogram<double>("mcpfleet.tool.duration", "s", "Duration of tool calls, by server and tool.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _activeCalls = _meter.CreateUpDownCounter<long>("mcpfleet.tool.active_calls", "{call}", "Tool calls in flight, by server.");
        _routingDecisions = _meter.CreateCounter<long>("mcpfleet.routing.decisions", "{decision}", "Routing choices, by tool, strategy and chosen server.");
        _healthTransitions = _meter.CreateCounter<long>("mcpfleet.server.health_transitions", "{transition}", "Health state changes, by server and new state.");
        _resilienceEvents = _meter.CreateCounter<long>(
            "mcpfleet.resilience.events", "{event}", "Retries, failovers, hedges, circuit breaker transitions and calls of unknown outcome, by server, tool and event.");
        _cacheLookups = _meter.CreateCounter<long>("mcpfleet.cache.lookups", "{lookup}", "Result cache lookups of read-only tools, by server, tool and outcome (hit or miss).");
        _fanOuts = _meter.CreateCounter<long>("mcpfleet.fanout.calls", "{fan-out}", "Fan-outs completed, by tool, aggregation strategy and outcome.");
        _fanOutDuration = _meter.CreateHistogram<double>("mcpfleet.fanout.duration", "s", "Duration of fan-outs, by tool and aggregation strategy.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _driftChanges = _meter.CreateCounter<long>("mcpfleet.drift.changes", "{change}", "Tool definition changes since the snapshot found by drift checks, by server, class and action.");
        _idleClosedSessions = _meter.CreateCounter<long>("mcpfleet.sessions.idle_closed", "{session}", "Sessions closed for being idle, by server.");
        _alerts = _meter.CreateCounter<long>("mcpfleet.alerts", "{alert}", "Alerts raised and resolved, by kind, service (* for the fleet) and state.");
        _driftChecks = _meter.CreateCounter<long>(
            "mcpfleet.drift.checks", "{check}", "Drift checks started (tools listed and compared with the snapshot), by server and trigger: session, list_changed, periodic, destructive_call.");
        _batchSize = _meter.CreateHistogram<int>("mcpfleet.batch.size", "{call}", "Calls a call batch dispatched together, by trigger: size, delay, flush, dispose.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });
    }

    /// <summary>The source of the fleet's spans: one per tool call, fan-out and composite tool.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, s_version);

    /// <summary>Starts the span of a tool call.</summary>
    public static Activity? StartCall(string server, string tool, string? strategy)
    {
        var activity = ActivitySource.StartActivity($"tools/call {tool}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("mcp.method.name", "tools/call");
            activity.SetTag("gen_ai.tool.name", tool);
            activity.SetTag("mcpfleet.server.name", server);
            if (strategy is not null)
            {
                activity.SetTag("mcpfleet.routing.strategy", strategy);
            }
        }

        return activity;
    }

    /// <summary>Starts the span of a call answered from the result cache: no server is contacted.</summary>
    public static Activity? StartCacheHit(string server, string tool)
    {
        var activity = StartCall(server, tool, strategy: null);
        activity?.SetTag("mcpfleet.cache.hit", true);
        return activity;
    }

    /// <summary>Starts the span of a fan-out; the spans of its calls are its children.</summary>
    public static Activity? StartFanOut(string tool, string strategy)
    {
        var activity = ActivitySource.StartActivity($"fanout {tool}", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gen_ai.tool.name", tool);
            activity.SetTag("mcpfleet.aggregation.strategy", strategy);
        }

        return activity;
    }

    /// <summary>Starts the span of a composite tool; the spans of its parts' calls are its children.</summary>
    public static Activity? StartComposite(string name, int parts)
    {
        var activity = ActivitySource.StartActivity($"composite {name}", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("mcpfleet.composite.name", name);
            activity.SetTag("mcpfleet.composite.parts", parts);
        }

        return activity;
    }

    public void CallStarted(string server) => _activeCalls.Add(1, new KeyValuePair<string, object?>("mcpfleet.server.name", server));

    public void CallEnded(string server, string tool, TimeSpan duration, string? errorType)
    {
        var serverTag = new KeyValuePair<string, object?>("mcpfleet.server.name", server);
        var toolTag = new KeyValuePair<string, object?>("gen_ai.tool.name", tool);
        _activeCalls.Add(-1, serverTag);
        _calls.Add(1, serverTag, toolTag, new KeyValuePair<string, object?>("mcpfleet.outcome", errorType is null ? "success" : "error"));
        _duration.Record(duration.TotalSeconds, serverTag, toolTag);
        if (errorType is not null)
        {
            _errors.Add(1, serverTag, toolTag, new KeyValuePair<string, object?>("error.type", errorType));
        }
    }

    public void Routed(string tool, string strategy, string server) =>
        _routingDecisions.Add(
            1,
            new KeyValuePair<string, object?>("gen_ai.tool.name", tool),
            new KeyValuePair<string, object?>("mcpfleet.routing.strategy", strategy),
            new KeyValuePair<string, object?>("mcpfleet.server.name", server));

    public void FanOutEnded(string tool, string strategy, TimeSpan duration, string outcome)
    {
        var toolTag = new KeyValuePair<string, object?>("gen_ai.tool.name", tool);
        var strategyTag = new KeyValuePair<string, object?>("mcpfleet.aggregation.strategy", strategy);
        _fanOuts.Add(1, toolTag, strategyTag, new KeyValuePair<string, object?>("mcpfleet.outcome", outcome));
        _fanOutDuration.Record(duration.TotalSeconds, toolTag, strategyTag);
    }

    public void HealthChanged(string server, ServerHealth current) =>
        _healthTransitions.Add(
            1,
            new KeyValuePair<string, object?>("mcpfleet.server.name", server),
            new KeyValuePair<string, object?>("mcpfleet.server.health", current.ToString().ToLowerInvariant()));

    public void Resent(string tool, string server, ResendKind kind) =>
        ResilienceEvent(server, tool, kind switch { ResendKind.Retry => "retry", ResendKind.Failover => "failover", _ => "hedge" });

    public void CircuitChanged(string server, string? tool, CircuitState state) =>
        ResilienceEvent(server, tool, state switch { CircuitState.Open => "circuit_opened", CircuitState.HalfOpen => "circuit_half_opened", _ => "circuit_closed" });

    public void OutcomeUnknown(string server, string tool) => ResilienceEvent(server, tool, "outcome_unknown");

    private void ResilienceEvent(string server, string? tool, string name)
    {
        _resilienceEvents.Add(
            1,
            new KeyValuePair<string, object?>("mcpfleet.server.name", server),
            new KeyValuePair<string, object?>("gen_ai.tool.name", tool),
            new KeyValuePair<string, object?>("mcpfleet.resilience.event", name));
        Activity.Current?.AddEvent(new ActivityEvent($"mcpfleet.{name}"));
    }
    public void CacheLookedUp(string server, string tool, bool hit) =>
        _cacheLookups.Add(
            1,
            new KeyValuePair<string, object?>("mcpfleet.server.name", server),
            new KeyValuePair<string, object?>("gen_ai.tool.name", tool),
            new KeyValuePair<string, object?>("mcpfleet.cache.outcome", hit ? "hit" : "miss"));
    public void DriftChange(string server, DriftClass driftClass, DriftAction action) =>
        _driftChanges.Add(
            1,
            new KeyValuePair<string, object?>("mcpfleet.server.name", server),
            new KeyValuePair<string, object?>("mcpfleet.drift.class", DriftNames.Tag(driftClass)),
            new KeyValuePair<string, object?>("mcpfleet.drift.action", DriftNames.Tag(action)));

    public void DriftCheck(string server, string trigger) =>
        _driftChecks.Add(
            1,
            new KeyValuePair<string, object?>("mcpfleet.server.name", server),
            new KeyValuePair<string, object?>("mcpfleet.drift.trigger", trigger));

    public void BatchDispatched(int calls, BatchTrigger trigger) =>
        _batchSize.Record(
            calls,
            new KeyValuePair<string, object?>("mcpfleet.batch.trigger", trigger switch
            {
                BatchTrigger.Size => "size",
                BatchTrigger.Delay => "delay",
                BatchTrigger.Flush => "flush",
                _ => "dispose",
            }));

    public void Alert(AlertKind kind, string? service, bool raised) =>
        _alerts.Add(
            1,
            new KeyValuePair<string, object?>("mcpfleet.alert.kind", kind switch { AlertKind.HealthyReplicas => "healthy_replicas", AlertKind.ErrorRate => "error_rate", _ => "p99_latency" }),
            new KeyValuePair<string, object?>("mcpfleet.service.name", service ?? "*"),
            new KeyValuePair<string, object?>("mcpfleet.alert.state", raised ? "raised" : "resolved"));

    public void SessionIdleClosed(string server) => _idleClosedSessions.Add(1, new KeyValuePair<string, object?>("mcpfleet.server.name", server));

    /// <summary>Publishes <c>mcpfleet.sessions.open</c>: 1 for each server whose session is open, 0 for the others.</summary>
    public void ObserveOpenSessions(Func<IEnumerable<Measurement<long>>> observe) =>
        _meter.CreateObservableUpDownCounter("mcpfleet.sessions.open", observe, "{session}", "Open sessions, by server.");

    internal static Measurement<long> OpenSessions(string server, bool open) =>
        new(open ? 1 : 0, new KeyValuePair<string, object?>("mcpfleet.server.name", server));

    /// <summary>Disposes the meter, unless a meter factory owns it.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
