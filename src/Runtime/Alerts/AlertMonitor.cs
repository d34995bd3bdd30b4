using System.Globalization;

namespace McpFleet.Alerts;

/// <summary>
/// Checks the configured thresholds every <see cref="AlertOptions.EvaluationInterval"/>, on the fleet's clock: the
/// routable instances of each service, and the error rate and p99 latency of the fleet's calls and of each watched
/// service's, over the window. Each alert is reported when it is raised and when it is resolved, never in between.
/// </summary>
internal sealed class AlertMonitor : IDisposable
{
    private readonly AlertOptions _options;
    private readonly Func<IEnumerable<(string Service, int Routable)>> _replicas;
    private readonly Action<AlertEventArgs, bool> _changed;
    private readonly CallWindow? _fleetCalls;
    private readonly Dictionary<string, CallWindow> _serviceCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<(AlertKind Kind, string? Service), AlertLatch> _latches = [];
    private readonly Lock _checking = new();
    private readonly ITimer _timer;

    /// <param name="options">The thresholds; validated.</param>
    /// <param name="time">The clock of the window and of the checks.</param>
    /// <param name="replicas">The routable instances of each service now.</param>
    /// <param name="changed">Receives each alert raised (<see langword="true"/>) or resolved.</param>
    public AlertMonitor(AlertOptions options, TimeProvider time, Func<IEnumerable<(string Service, int Routable)>> replicas, Action<AlertEventArgs, bool> changed)
    {
        _options = options;
        _replicas = replicas;
        _changed = changed;
        if (WatchesCalls(options.Fleet))
        {
            _fleetCalls = new CallWindow(options.Window, time);
        }

        foreach (var (service, thresholds) in options.Services)
        {
            if (WatchesCalls(thresholds))
            {
                _serviceCalls[service] = new CallWindow(options.Window, time);
            }
        }

        _timer = time.CreateTimer(_ => Check(), null, options.EvaluationInterval, options.EvaluationInterval);
    }

    /// <summary>Counts an attempt that reached a server (answered, or failed once sent or connecting).</summary>
    public void CallEnded(string service, TimeSpan latency, bool failed)
    {
        _fleetCalls?.Add(latency, failed);
        if (_serviceCalls.TryGetValue(service, out var calls))
        {
            calls.Add(latency, failed);
        }
    }

    /// <summary>Checks every threshold once (the timer's work; callable to check now).</summary>
    public void Check()
    {
        lock (_checking)
        {
            foreach (var (service, routable) in _replicas())
            {
                var minimum = (_options.Services.TryGetValue(service, out var own) ? own.MinHealthyReplicas : null) ?? _options.Fleet.MinHealthyReplicas;
                if (minimum is { } min)
                {
                    Update(AlertKind.HealthyReplicas, service, routable < min, routable, min,
                        $"Service '{service}' has {routable} routable instance(s), {(routable < min ? "below" : "back at")} its minimum of {min}.");
                }
            }

            if (_fleetCalls is not null)
            {
                CheckCalls(null, _fleetCalls, _options.Fleet);
            }

            foreach (var (service, calls) in _serviceCalls)
            {
                CheckCalls(service, calls, _options.Services[service]);
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private static bool WatchesCalls(AlertThresholds thresholds) => thresholds.MaxErrorRate is not null || thresholds.MaxP99Latency is not null;

    private void CheckCalls(string? service, CallWindow window, AlertThresholds thresholds)
    {
        var (count, errorRate, p99) = window.Measure();
        var enough = count >= _options.MinimumCalls;
        var scope = service is null ? "The fleet's calls" : $"Calls of service '{service}'";
        if (thresholds.MaxErrorRate is { } maxRate)
        {
            var breached = enough && errorRate > maxRate;
            Update(AlertKind.ErrorRate, service, breached, errorRate, maxRate, string.Create(
                CultureInfo.InvariantCulture, $"{scope}: {errorRate:P1} of {count} failed over {_options.Window}, {(breached ? "above" : "within")} the maximum of {maxRate:P1}."));
        }

        if (thresholds.MaxP99Latency is { } maxP99)
        {
            var breached = enough && p99 > maxP99;
            Update(AlertKind.P99Latency, service, breached, p99.TotalSeconds, maxP99.TotalSeconds, string.Create(
                CultureInfo.InvariantCulture, $"{scope}: p99 latency {p99.TotalMilliseconds:0.#} ms over {count} call(s), {(breached ? "above" : "within")} the maximum of {maxP99.TotalMilliseconds:0.#} ms."));
        }
    }

    private void Update(AlertKind kind, string? service, bool breached, double value, double threshold, string message)
    {
        if (!_latches.TryGetValue((kind, service), out var latch))
        {
            _latches[(kind, service)] = latch = new AlertLatch();
        }

        if (latch.Update(breached))
        {
            _changed(new AlertEventArgs(kind, service, value, threshold, message), breached);
        }
    }
}
