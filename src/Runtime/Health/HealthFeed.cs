using McpFleet.Connections;

namespace McpFleet.Health;

/// <summary>
/// The one place a server's health signals enter its <see cref="HealthTracker"/>: its connection (opened, could not
/// open, session ended — once per session, however many calls saw it end), its calls (answered, no answer in time), its
/// probes and its circuit breaker. A call that found the server unreachable adds nothing: the connection already said so.
/// </summary>
internal sealed class HealthFeed
{
    public HealthFeed(HealthTracker tracker, ServerConnection connection)
    {
        Tracker = tracker;
        connection.ConnectFailed += (_, failure) => tracker.RecordFailure(failure.Message);
        connection.Disconnected += _ => tracker.RecordFailure("the session ended");
        connection.Connected += (_, _) => tracker.RecordSuccess("connected");
    }

    public HealthTracker Tracker { get; }

    /// <summary>A call got an answer (an error result too: the server is working).</summary>
    public void CallAnswered() => Tracker.RecordSuccess("a call succeeded");

    /// <summary>A call got no answer in time.</summary>
    public void CallTimedOut(string toolName, string cause) => Tracker.RecordFailure($"a call of '{toolName}' got no answer: {cause}");

    public void ProbeSucceeded() => Tracker.RecordSuccess("a health probe succeeded");

    public void ProbeFailed(string reason) => Tracker.RecordFailure(reason);

    /// <summary>The server's circuit breaker opened: unhealthy at once.</summary>
    public void CircuitOpened(string reason) => Tracker.RecordBreak(reason);
}
