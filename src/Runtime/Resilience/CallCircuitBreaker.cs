using McpFleet.Calls;
using Polly;
using Polly.CircuitBreaker;

namespace McpFleet.Resilience;

/// <summary>
/// One circuit breaker (a server's, or a tool's on a server), on Polly's: Polly keeps the sampling window, the failure
/// ratio and the state machine. An attempt asks <see cref="AllowsCall"/> before it starts (no lock: the state is mirrored
/// from Polly's transitions) and reports its outcome after it ends through a synchronous execution, so the breaker adds no
/// asynchronous layer to a call. While half-open, the first attempt to report is the trial.
/// </summary>
internal sealed class CallCircuitBreaker
{
    private readonly ResiliencePipeline<AttemptFailure?> _pipeline;
    private readonly TimeProvider _time;
    private int _state;
    private long _openUntil;

    /// <param name="options">The breaker's settings (enabled).</param>
    /// <param name="counts">Which failures count against it.</param>
    /// <param name="what">What it guards, for the reasons of its transitions, e.g. <c>server 'weather'</c>.</param>
    /// <param name="timeProvider">The clock of the sampling and the break.</param>
    /// <param name="changed">Told each transition, with its reason.</param>
    public CallCircuitBreaker(CircuitBreakerOptions options, Func<AttemptFailure, bool> counts, string what, TimeProvider timeProvider, Action<CircuitState, string> changed)
    {
        _time = timeProvider;
        _pipeline = new ResiliencePipelineBuilder<AttemptFailure?> { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptFailure?>
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } failure && counts(failure)),
                OnOpened = args =>
                {
                    Volatile.Write(ref _openUntil, _time.GetTimestamp() + (long)(args.BreakDuration.TotalSeconds * _time.TimestampFrequency));
                    Volatile.Write(ref _state, (int)CircuitState.Open);
                    var cause = args.Outcome.Result is { } failure ? $"; last failure: {failure.Cause}" : "";
                    changed(CircuitState.Open, $"the circuit of {what} opened for {args.BreakDuration.TotalSeconds:0.###} s after repeated failures{cause}");
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    Volatile.Write(ref _state, (int)CircuitState.HalfOpen);
                    changed(CircuitState.HalfOpen, $"the circuit of {what} lets a trial call through");
                    return default;
                },
                OnClosed = _ =>
                {
                    Volatile.Write(ref _state, (int)CircuitState.Closed);
                    changed(CircuitState.Closed, $"the circuit of {what} closed after a successful call");
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Whether an attempt may start: the circuit is closed or half-open, or its break is over (the attempt is then
    /// the trial).</summary>
    public bool AllowsCall => Volatile.Read(ref _state) != (int)CircuitState.Open || _time.GetTimestamp() >= Volatile.Read(ref _openUntil);

    /// <summary>Reports how an attempt ended: <see langword="null"/> for an answer.</summary>
    public void Report(AttemptFailure? failure)
    {
        try
        {
            _pipeline.Execute(static failure => failure, failure);
        }
        catch (BrokenCircuitException)
        {
            // Another attempt opened the circuit (or holds the trial) meanwhile: this outcome no longer counts.
        }
    }
}
