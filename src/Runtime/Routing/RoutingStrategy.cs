namespace McpFleet.Routing;

/// <summary>
/// Chooses which replica of a unified tool takes a call. Called on every routed call, concurrently: implementations
/// are thread-safe and should not allocate. The built-in strategies come from <see cref="RoutingStrategies"/>.
/// </summary>
public abstract class RoutingStrategy
{
    /// <summary>A short name for telemetry and logs, e.g. <c>round-robin</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Chooses a replica.</summary>
    /// <param name="context">The candidates (never empty) and the call.</param>
    /// <returns>The index of the chosen candidate in <see cref="RoutingContext.Candidates"/>.</returns>
    public abstract int Choose(in RoutingContext context);

    /// <inheritdoc />
    public override string ToString() => Name;
}
