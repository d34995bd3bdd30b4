namespace McpFleet;

/// <summary>
/// A generated fleet type: its manifest and a way to create it over a runtime, so generic code (dependency injection,
/// tests) can build any fleet.
/// </summary>
/// <typeparam name="TSelf">The generated fleet type.</typeparam>
public interface IFleet<TSelf> : IAsyncDisposable
    where TSelf : IFleet<TSelf>
{
    /// <summary>The servers and unified tools the fleet was generated from.</summary>
    static abstract FleetManifest Manifest { get; }

    /// <summary>The runtime that connects to the servers and calls their tools (a <see cref="FleetRuntime"/>, or a fake).</summary>
    IFleetRuntime Runtime { get; }

    /// <summary>Creates the fleet over <paramref name="runtime"/>, which the fleet then owns.</summary>
    static abstract TSelf Create(IFleetRuntime runtime);
}
