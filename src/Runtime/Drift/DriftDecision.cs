namespace McpFleet.Drift;

/// <summary>A change found by a drift check and what the server's policy does about it.</summary>
/// <param name="Change">The change.</param>
/// <param name="Action">The action the policy takes for its class.</param>
public sealed record DriftDecision(DriftChange Change, DriftAction Action);
