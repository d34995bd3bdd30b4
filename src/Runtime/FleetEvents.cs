using McpFleet.Alerts;
using McpFleet.Drift;
using McpFleet.Health;
using McpFleet.Registry;
using McpFleet.Resilience;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;

namespace McpFleet;

/// <summary>
/// The handlers of <see cref="FleetRuntime"/>'s events, and the one way to raise them: never under a lock of the
/// runtime's (callers raise after releasing theirs), with a handler's failure logged instead of breaking discovery, health
/// monitoring or a call.
/// </summary>
internal sealed class FleetEvents(object sender, ILogger logger)
{
    public EventHandler<ServerEventArgs>? ServerAdded;
    public EventHandler<ServerEventArgs>? ServerRemoved;
    public EventHandler<ServerHealthChangedEventArgs>? HealthChanged;
    public EventHandler<ToolListChangedEventArgs>? ToolListChanged;
    public EventHandler<CallResentEventArgs>? CallResent;
    public EventHandler<CircuitStateChangedEventArgs>? CircuitStateChanged;
    public EventHandler<DriftDetectedEventArgs>? DriftDetected;
    public EventHandler<AlertEventArgs>? AlertRaised;
    public EventHandler<AlertEventArgs>? AlertResolved;

    public void Raise<TArgs>(EventHandler<TArgs>? handler, TArgs args)
    {
        try
        {
            handler?.Invoke(sender, args);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop discovery, health monitoring or a call.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.EventHandlerFailed(logger, typeof(TArgs).Name, e);
        }
    }
}
